"""The kernels release the GIL while they run."""

import os
import threading
import time

import pytest
import workbook_py as wp

N = 32
H = wp.axis(0.0, N, 3)
K = wp.axis(4.0, N, 3)


def one_call():
    wp.square_naive(N, H, K)


def test_python_runs_while_a_kernel_does():
    """Works on any number of cores: if the call held the GIL, this thread could not count
    while it runs."""
    done = threading.Event()

    def work():
        one_call()
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    count = 0
    while not done.is_set():
        count += 1
    worker.join()
    assert count > 1000, f"only {count} iterations while the kernel ran"


def timed(calls):
    threads = [threading.Thread(target=one_call) for _ in range(calls)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs 2 cores to run two calls at once")
def test_two_threads_take_clearly_less_than_twice_one_call():
    # Best of three of each, to stand a busy machine: with the GIL held, two calls would take
    # twice one call (2.0); released, about one call on two free cores (1.0).
    one = min(timed(1) for _ in range(3))
    two = min(timed(2) for _ in range(3))
    assert two < 1.6 * one, f"one call {one:.3f} s, two at once {two:.3f} s"
