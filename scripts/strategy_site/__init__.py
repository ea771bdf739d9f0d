"""The bilingual reference site of the Integrated Innovation Strategy 2025, from data/ to site/.

The package is in five layers, one folder each; a module imports only from its own layer and those
before it in this list (tests/test_layers.py):

    reading     the data files into values that remember their file, line and column
    structure   the model of the strategy, the one table of pages and items, the addresses
    rendering   the site's words, formats, escaping, templates, chart, exports, provenance, CSP
    checking    every rule the data must meet, each one check_* function, listed in checking/validate.py
    publishing  the pipeline, the MkDocs plugin, the command line, the build's safety, search

See README.md beside this file for the map.
"""
