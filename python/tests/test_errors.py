"""Bad input raises ValueError with a one-line message, never a Rust panic."""

import numpy as np
import pytest
import workbook_py as wp

H = wp.axis(0.0, 8, 3)
K = wp.axis(4.0, 8, 3)
POS = np.random.default_rng(0).random((5, 3))
VEL = np.zeros((5, 3))
MASS = np.ones(5)

CRYSTALS = [
    wp.square_naive, wp.square_tables, wp.square_sincos, wp.square_parallel, wp.square_fast,
    wp.square_fft, wp.strained_naive, wp.strained_positions, wp.strained_sincos,
    wp.strained_parallel, wp.strained_fast, wp.strained_matmul, wp.strained_symmetric,
]


def one_line_value_error(call):
    with pytest.raises(ValueError) as info:
        call()
    message = str(info.value)
    assert message and "\n" not in message, message
    return message


@pytest.mark.parametrize("f", CRYSTALS, ids=lambda f: f.__name__)
def test_crystals_refuse_an_empty_crystal_and_2d_axes(f):
    assert "n must be" in one_line_value_error(lambda: f(0, H, K))
    assert "1-D" in one_line_value_error(lambda: f(8, H.reshape(4, 6), K))
    assert "1-D" in one_line_value_error(lambda: f(8, H, np.array(1.0)))


def test_fft_refuses_an_irregular_axis():
    one_line_value_error(lambda: wp.square_fft(8, H[:10], K))
    one_line_value_error(lambda: wp.square_fft(8, np.array([0.0, 0.1, 0.5]), K))
    # The other kernels take any points.
    assert wp.square_naive(8, np.array([0.0, 0.1, 0.5]), K).shape == (3, K.size)


def test_axis_refuses_nothing_to_sample():
    one_line_value_error(lambda: wp.axis(0.0, 0, 3))
    one_line_value_error(lambda: wp.axis(0.0, 8, 0))
    one_line_value_error(lambda: wp.axis(float("nan"), 8, 3))


def test_cosine_refuses_what_an_f64_cannot_count():
    for f in [wp.cosine_libm, wp.cosine_rotation, wp.cosine_parallel]:
        one_line_value_error(lambda: f(2**53 + 1))
    one_line_value_error(lambda: wp.cosine_rotation(10, 0))


def test_negative_counts_are_refused_by_the_conversion():
    with pytest.raises(OverflowError):
        wp.series_digits(-1)
    with pytest.raises(OverflowError):
        wp.square_naive(-1, H, K)


def test_nbody_shapes_and_method():
    acc = wp.nbody_accelerations
    sim = wp.nbody_simulate
    assert "(n, 3)" in one_line_value_error(lambda: acc(POS[:, :2], MASS))
    assert "(n, 3)" in one_line_value_error(lambda: acc(POS.ravel(), MASS))
    assert "mass" in one_line_value_error(lambda: acc(POS, MASS[:4]))
    assert "mass" in one_line_value_error(lambda: acc(POS, MASS.reshape(5, 1)))
    assert "body" in one_line_value_error(lambda: acc(np.zeros((0, 3)), np.zeros(0)))
    assert "vel" in one_line_value_error(lambda: sim(POS, VEL[:4], MASS, 1, 1, 0.1))
    assert "method" in one_line_value_error(lambda: sim(POS, VEL, MASS, 1, 1, 0.1, "fast"))
    assert "dt" in one_line_value_error(lambda: sim(POS, VEL, MASS, 1, 1, float("inf")))


def test_wrong_dtype_is_a_type_error():
    with pytest.raises(TypeError):
        wp.square_naive(8, H.astype(np.float32), K)
    with pytest.raises(TypeError):
        wp.square_naive(8, list(H), K)


def test_fortran_order_positions_are_read_correctly():
    ref = wp.nbody_accelerations(POS, MASS)
    assert np.array_equal(wp.nbody_accelerations(np.asfortranarray(POS), MASS), ref)
