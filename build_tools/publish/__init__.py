"""The site: each language's files handed to the builder, URL promises checked, swapped in atomically."""
