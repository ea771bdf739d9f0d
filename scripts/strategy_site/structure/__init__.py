"""Structure: what the site is made of. The model of the strategy (model), the one table of page
types and of items with a permalink (pages), and the addresses (urls)."""
