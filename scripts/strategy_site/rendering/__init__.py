"""Rendering: the model into pages and files. The site's own words (ui), how amounts and dates are
written (format), escaping (escape), the templates (render, templates/), the budget chart (charts),
the open data (exports), what is the site's own (provenance) and the pages' security policy (csp)."""
