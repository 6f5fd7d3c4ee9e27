//! Chapter 19's runner from the outside, reference side: built without the gpu feature it says
//! so; with it, a small run agrees with the CPU, names the device, and a machine without a
//! device gets one line saying what to install. Sizes stay tiny: this runs the unoptimised
//! binary.

const RUNNER: &str = env!("CARGO_BIN_EXE_gpu-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

#[cfg(not(feature = "gpu"))]
#[test]
fn without_the_gpu_feature_the_runner_says_so() {
    harness::testing::fails_with(
        RUNNER,
        HERE,
        &["run", "gpu", "cpu", "--solution"],
        "built without the gpu feature",
    );
}

#[cfg(feature = "gpu")]
#[test]
fn the_shader_agrees_with_the_cpu_and_names_the_device() {
    let out = harness::testing::succeeds(
        RUNNER,
        HERE,
        &["run", "gpu", "gpu", "--solution", "--cells", "8"],
    );
    assert!(out.contains("device: "), "{out}");
    assert!(!out.contains("WRONG"), "{out}");
}

#[cfg(feature = "gpu")]
#[test]
fn no_device_is_one_line_saying_what_to_install() {
    let out = harness::testing::run_with(
        RUNNER,
        HERE,
        &["run", "gpu", "gpu", "--solution", "--cells", "8"],
        &[("WORKBOOK_GPU", "none")],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("sudo apt-get install libvulkan1 mesa-vulkan-drivers"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}
