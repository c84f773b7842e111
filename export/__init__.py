"""Exports of a playground scene: tidy CSV with a header, JSON metadata, standalone HTML.

Pure builders (pandas, json, plotly.io); no Streamlit.
"""
