"""One language's files from the derived tree: Markdown pages, flowcharts and the search index."""
