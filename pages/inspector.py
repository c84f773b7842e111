"""Step inspector (phenomenon 28): every number of one Adam update, at any step of a run."""

from ui.inspector_view import render_inspector

render_inspector()
