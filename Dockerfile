# The app in a container: the pinned runtime requirements, the app's code, a non-root user.
# Build, run and scale it: docs/deploy.md. tests/test_deploy_files.py checks the facts below.
FROM python:3.11.14-slim-bookworm

# STREAMLIT_LOGGER_HIDE_WELCOME_MESSAGE: bound to 0.0.0.0 and headless, Streamlit would ask
# checkip.amazonaws.com for an "External URL" to print at start-up; the app sends nothing out.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_LOGGER_HIDE_WELCOME_MESSAGE=true

WORKDIR /app

# The app runs as "app"; the code stays owned by root, so the app cannot change it.
RUN useradd --create-home --uid 10001 --user-group app

COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

# Production settings (no usage statistics, no tracebacks for visitors, ...).
COPY .streamlit/ .streamlit/
# pyproject.toml holds the version that export/metadata.py writes into every download.
COPY app.py pyproject.toml ./
COPY pages/ pages/
COPY assets/ assets/
COPY ui/ ui/
COPY viz/ viz/
COPY export/ export/
COPY lessons/ lessons/
COPY optim/ optim/
COPY landscapes/ landscapes/

USER app

EXPOSE 8501

# Slim images have no curl: ask Streamlit's health endpoint with Python's urllib.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]

CMD ["streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true"]
