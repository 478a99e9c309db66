"""Log lines that page data cannot forge: safe values, a filter on every handler, the item formatter."""
