# Two commands do all the set-up on a fresh machine:
#   make run    create .venv, install the app's requirements, serve it on http://localhost:8501
#   make test   create .venv, install the dev requirements, run the whole test suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test test-torch lint bench clean

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.address localhost --server.port $(PORT)

test: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m pytest

# Optional: the engine against real torch.optim (float64). Uses its own venv, since torch is big.
test-torch:
	test -x .venv-torch/bin/python || $(PYTHON) -m venv .venv-torch
	.venv-torch/bin/python -m pip install --quiet -r requirements-dev.txt torch==2.13.0
	.venv-torch/bin/python -m pytest tests/test_optim_torch.py

lint: $(VENV)/.dev
	$(PY) -m ruff check .

bench: $(VENV)/.dev
	PYTHONPATH=. $(PY) bench/bench_engine.py
	PYTHONPATH=. $(PY) bench/bench_app.py

clean:
	rm -rf $(VENV) .venv-torch .pytest_cache .ruff_cache .hypothesis artifacts
