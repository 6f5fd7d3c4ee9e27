//! Finding a device and saying what it is. A machine with no GPU may still have a software one
//! (Mesa's llvmpipe, a Vulkan driver that runs shaders on the CPU): it is used, and named as
//! such, since its times say nothing about a GPU.

use std::fmt;

/// The one line said when no device is found.
pub const NO_DEVICE: &str = "no GPU device found: install a Vulkan loader and driver (Debian/Ubuntu: sudo apt-get install libvulkan1 mesa-vulkan-drivers; Mesa's software driver serves a machine without a GPU; macOS has Metal built in), then run the command again";

/// An open device, its queue, and what it is.
pub struct Gpu {
    pub device: wgpu::Device,
    pub queue: wgpu::Queue,
    pub info: wgpu::AdapterInfo,
    /// Whether the device runs f64 in shaders (`SHADER_F64`); without it only f32 runs.
    pub f64: bool,
}

impl Gpu {
    /// The first device wgpu offers (`WGPU_BACKEND` and `WGPU_ADAPTER_NAME` choose another),
    /// with `SHADER_F64` when it has it. `WORKBOOK_GPU=none` pretends there is none, to test
    /// that path on a machine that has one.
    pub fn open() -> Result<Gpu, String> {
        Gpu::open_if(std::env::var("WORKBOOK_GPU").map_or(true, |v| v != "none"))
    }

    /// [`Gpu::open`], or when `look` is false the answer of a machine without a device.
    pub fn open_if(look: bool) -> Result<Gpu, String> {
        if !look {
            return Err(NO_DEVICE.to_string());
        }
        let instance =
            wgpu::Instance::new(wgpu::InstanceDescriptor::new_without_display_handle_from_env());
        let options = wgpu::RequestAdapterOptions {
            power_preference: wgpu::PowerPreference::HighPerformance,
            ..Default::default()
        };
        let adapter = pollster::block_on(instance.request_adapter(&options))
            .map_err(|_| NO_DEVICE.to_string())?;
        let f64 = adapter.features().contains(wgpu::Features::SHADER_F64);
        let descriptor = wgpu::DeviceDescriptor {
            label: Some("workbook"),
            required_features: if f64 {
                wgpu::Features::SHADER_F64
            } else {
                wgpu::Features::empty()
            },
            // The device's own limits, not WebGPU's defaults: large grids need large buffers.
            required_limits: adapter.limits(),
            ..Default::default()
        };
        let (device, queue) = pollster::block_on(adapter.request_device(&descriptor))
            .map_err(|e| format!("{NO_DEVICE} (the adapter refused a device: {e})"))?;
        Ok(Gpu {
            device,
            queue,
            info: adapter.get_info(),
            f64,
        })
    }

    /// Whether this is a device that runs on the CPU (llvmpipe, WARP, SwiftShader).
    pub fn is_software(&self) -> bool {
        self.info.device_type == wgpu::DeviceType::Cpu
    }

    /// Waits until the device has done everything submitted so far.
    pub fn wait(&self) {
        // Waiting without a timeout fails only when the device is lost: nothing to recover.
        if let Err(e) = self.device.poll(wgpu::PollType::wait_indefinitely()) {
            panic!("the GPU device was lost: {e}");
        }
    }
}

impl fmt::Display for Gpu {
    /// `NAME (BACKEND, TYPE)`, and for a software device the warning that goes with it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({:?}, {:?}{})",
            self.info.name,
            self.info.backend,
            self.info.device_type,
            if self.f64 { ", f64" } else { ", no f64" }
        )?;
        if self.is_software() {
            write!(f, "; software device: these times say nothing about a GPU")?;
        }
        Ok(())
    }
}
