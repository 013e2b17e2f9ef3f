"""The search index: Chinese cut by the domain dictionary, pinyin and traditional forms, ranking data."""
