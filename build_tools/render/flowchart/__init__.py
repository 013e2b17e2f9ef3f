"""The flowchart drawn at build time: boxes and arrows laid out, routed and written as inline SVG."""
