//! Chapter 19's tests of the shader, run against the reference solution.
use gpu_solution as gpu;

include!("../../../exercises/19_gpu/tests/shader.rs");
