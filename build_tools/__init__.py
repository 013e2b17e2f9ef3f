"""Build a static help centre from a decision tree: load, validate, derive, render, write."""

from .model import LANGUAGES, Outcome, Question, Tip, Tree
from .problems import HelpCentreError, InvalidTree, Problem
from .tree import check_tree, load_tree

__all__ = ["LANGUAGES", "HelpCentreError", "InvalidTree", "Outcome", "Problem", "Question",
           "Tip", "Tree", "check_tree", "load_tree"]
