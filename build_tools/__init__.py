"""Build a static help centre from a decision tree: load, validate, derive, render, write."""

from build_tools.tree.model import LANGUAGES, Outcome, Question, Tip, Tree
from build_tools.tree.problems import HelpCentreError, InvalidTree, Problem
from build_tools.tree.read import check_tree, load_tree

__all__ = ["LANGUAGES", "HelpCentreError", "InvalidTree", "Outcome", "Problem", "Question",
           "Tip", "Tree", "check_tree", "load_tree"]
