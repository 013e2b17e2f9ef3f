"""What every view needs, computed once from the checked tree: order, trails, URLs, charts."""
