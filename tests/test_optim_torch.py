"""Cross-check against the real ``torch.optim`` (single-tensor path, float64), when available.

The semantics file names PyTorch's single-tensor code path as the one reference. These tests
drive a float64 ``torch.nn.Parameter`` of shape (2,) with the landscape's gradient and compare:
  * the test reference (tests/reference_rules.py) with torch, to show the reference itself is
    right, and
  * the engine (``optim.simulate``) with torch.
PyTorch's kernels (``lerp``, ``addcdiv``, ...) round differently from plain NumPy expressions,
so agreement is to rtol 1e-9 rather than bit for bit. Lion is not in torch.optim (no check).
The schedules are compared with ``torch.optim.lr_scheduler`` in the usual
``optimizer.step(); scheduler.step()`` loop, where step t runs at scheduler epoch t - 1.
"""

from __future__ import annotations

import numpy as np
import pytest
from reference_rules import CASES, LANDSCAPES, _hyper, case_id, reference_run

try:
    import torch
except ImportError:  # pragma: no cover - depends on the environment
    pytest.skip(
        "torch is not installed here (it is deliberately not a dependency); these cross-checks "
        "run where `import torch` works, e.g. a scratch venv with torch==2.13.0",
        allow_module_level=True,
    )

# torch keeps optimizer scalars (step, NAdam's mu_product) in the default dtype: make it float64
# so that torch runs the float64 rule rather than a float32-rounded one.
torch.set_default_dtype(torch.float64)

STEPS = 120
TORCH_CASES = [
    c for c in CASES
    if c[0] != "lion" and not (c[0] == "nesterov" and c[1].get("dampening", 0.0) != 0.0)
]


def _torch_optimizer(name: str, param, h: dict):
    o = torch.optim
    wd = h.get("weight_decay", 0.0)
    if name == "sgd":
        return o.SGD([param], lr=h["lr"], weight_decay=wd, foreach=False)
    if name in ("momentum", "nesterov"):
        return o.SGD([param], lr=h["lr"], momentum=h["momentum"], dampening=h["dampening"],
                     weight_decay=wd, nesterov=name == "nesterov", foreach=False)
    if name == "adagrad":
        return o.Adagrad([param], lr=h["lr"], lr_decay=h["lr_decay"], weight_decay=wd,
                         initial_accumulator_value=h["initial_accumulator_value"],
                         eps=h["eps"], foreach=False)
    if name == "rmsprop":
        return o.RMSprop([param], lr=h["lr"], alpha=h["beta2"], eps=h["eps"], weight_decay=wd,
                         momentum=h["momentum"], centered=h["centered"], foreach=False)
    betas = (h["beta1"], h["beta2"])
    if name in ("adam", "amsgrad"):
        return o.Adam([param], lr=h["lr"], betas=betas, eps=h["eps"], weight_decay=wd,
                      amsgrad=name == "amsgrad", foreach=False)
    if name == "adamw":
        return o.AdamW([param], lr=h["lr"], betas=betas, eps=h["eps"], weight_decay=wd,
                       foreach=False)
    if name == "nadam":
        return o.NAdam([param], lr=h["lr"], betas=betas, eps=h["eps"], weight_decay=wd,
                       momentum_decay=h["momentum_decay"], foreach=False)
    if name == "radam":
        return o.RAdam([param], lr=h["lr"], betas=betas, eps=h["eps"], weight_decay=wd,
                       foreach=False)
    if name == "adamax":
        return o.Adamax([param], lr=h["lr"], betas=betas, eps=h["eps"], weight_decay=wd,
                        foreach=False)
    raise KeyError(name)


def torch_run(ls, name: str, start, steps: int, hyper: dict) -> np.ndarray:
    h = _hyper(name, hyper)
    param = torch.nn.Parameter(torch.tensor(start, dtype=torch.float64))
    opt = _torch_optimizer(name, param, h)
    out = [param.detach().numpy().copy()]
    for _ in range(steps):
        g = ls.grad(param.detach().numpy().copy())
        param.grad = torch.tensor(np.asarray(g, dtype=np.float64))
        opt.step()
        out.append(param.detach().numpy().copy())
    return np.array(out)


@pytest.mark.parametrize("land", sorted(LANDSCAPES))
@pytest.mark.parametrize("case", TORCH_CASES, ids=case_id)
def test_reference_matches_torch(case, land):
    """The test reference follows torch.optim's single-tensor rule: positions agree to 1e-9."""
    name, hyper = case
    ls, start = LANDSCAPES[land]
    want = torch_run(ls, name, start, STEPS, hyper)
    got = reference_run(ls, name, start, STEPS, **hyper).positions
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("land", sorted(LANDSCAPES))
@pytest.mark.parametrize("case", TORCH_CASES, ids=case_id)
def test_engine_matches_torch(case, land):
    """optim.simulate follows torch.optim's single-tensor rule: positions agree to 1e-9."""
    from optim import simulate

    name, hyper = case
    ls, start = LANDSCAPES[land]
    want = torch_run(ls, name, start, STEPS, hyper)
    got = simulate(ls, name, np.array(start), STEPS, **hyper).positions[:, 0, :]
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)


def _torch_lrs(make_sched, steps: int) -> np.ndarray:
    param = torch.nn.Parameter(torch.zeros(2, dtype=torch.float64))
    opt = torch.optim.SGD([param], lr=1.0)
    sched = make_sched(opt)
    lrs = []
    for _ in range(steps):
        lrs.append(opt.param_groups[0]["lr"])
        param.grad = torch.zeros(2, dtype=torch.float64)
        opt.step()
        sched.step()
    return np.array(lrs)


def _schedule_pairs():
    from optim import schedules as sch

    ls = torch.optim.lr_scheduler
    return [
        ("cosine", sch.cosine(40, eta_min=0.1), lambda o: ls.CosineAnnealingLR(o, 40, 0.1), 41),
        ("cosine_warm_restarts", sch.cosine_warm_restarts(7, 2, eta_min=0.05),
         lambda o: ls.CosineAnnealingWarmRestarts(o, 7, 2, eta_min=0.05), 80),
        ("cosine_warm_restarts_1", sch.cosine_warm_restarts(9),
         lambda o: ls.CosineAnnealingWarmRestarts(o, 9), 50),
        ("triangular", sch.triangular(6, min_mult=0.2),
         lambda o: ls.CyclicLR(o, base_lr=0.2, max_lr=1.0, step_size_up=6, mode="triangular",
                               cycle_momentum=False), 50),
        ("step_decay", sch.step_decay(10, 0.5), lambda o: ls.StepLR(o, 10, 0.5), 45),
    ]


def test_schedules_match_torch_lr_scheduler():
    """lr of step t = base lr * mult(t) equals torch's lr at epoch t - 1 (lr = 1)."""
    for label, sched, make, steps in _schedule_pairs():
        want = _torch_lrs(make, steps)
        got = np.asarray(sched(np.arange(1, steps + 1)), dtype=float)
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12, err_msg=label)
