"""Publishing: building and serving the site. The pipeline from data to docs/ (pipeline), the MkDocs
plugin (plugin), the command line (cli), the built site's folder, lock and signals (safety), the
search index, compaction, precompression, the published address (siteurl), the URL contract
(contract) and the preview's problems page (preview_errors); the theme/ overrides Material's."""
