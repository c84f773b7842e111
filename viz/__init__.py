"""Plotly figure builders: pure functions, arrays in, ``go.Figure`` out (no Streamlit)."""
