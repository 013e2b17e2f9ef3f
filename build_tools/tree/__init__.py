"""Read the YAML of decision_tree/ into one checked Tree, or every problem with its file:line:col."""
