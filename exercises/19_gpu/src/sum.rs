//! The direct sum on the device: the shader compiled for one precision and one work-group
//! size, the grid and the cells uploaded once, then [`dispatch`] as often as it is timed.

use crate::device::Gpu;
use wgpu::util::DeviceExt;

/// The floating-point type of the shader's arithmetic and of its buffers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    F64,
    F32,
}

impl Precision {
    /// f64 where the device has it, else f32.
    pub fn best(gpu: &Gpu) -> Precision {
        if gpu.f64 {
            Precision::F64
        } else {
            Precision::F32
        }
    }

    fn wgsl(self) -> &'static str {
        match self {
            Precision::F64 => "f64",
            Precision::F32 => "f32",
        }
    }

    /// `values` as the bytes of this precision's buffers.
    fn bytes(self, values: &[f64]) -> Vec<u8> {
        match self {
            Precision::F64 => bytemuck::cast_slice(values).to_vec(),
            Precision::F32 => {
                let narrow: Vec<f32> = values.iter().map(|&v| v as f32).collect();
                bytemuck::cast_slice(&narrow).to_vec()
            }
        }
    }

    fn size(self) -> u64 {
        match self {
            Precision::F64 => 8,
            Precision::F32 => 4,
        }
    }
}

/// The shader's text, read at run time from this crate's `src/sum.wgsl`: an edit to the shader
/// needs no Rust rebuild, and a mistake in it is reported with its line when the pipeline is
/// made. The two lines before it choose the precision and the work-group size.
pub fn shader(precision: Precision, workgroup: u32) -> Result<String, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/sum.wgsl");
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(format!(
        "alias real = {};\nconst WORKGROUP: u32 = {workgroup}u;\n{text}",
        precision.wgsl()
    ))
}

/// Everything one grid needs on the device: the pipeline, the uploaded inputs, the output and a
/// buffer the host can map to read it.
pub struct Sum {
    pub precision: Precision,
    pub workgroup: u32,
    /// Points of the grid: rows x cols.
    pub points: usize,
    /// Work-groups along x and y.
    pub groups: (u32, u32),
    pub pipeline: wgpu::ComputePipeline,
    pub bind_group: wgpu::BindGroup,
    /// The intensities, written by the shader (`STORAGE | COPY_SRC`).
    pub output: wgpu::Buffer,
    /// Where they are copied to be read by the host (`MAP_READ | COPY_DST`).
    pub readback: wgpu::Buffer,
}

impl Sum {
    /// Compiles the shader and uploads the cells `(x, y)` and the axes `h`, `k`; waits until the
    /// upload is done, so that what follows times the kernel alone.
    pub fn new(
        gpu: &Gpu,
        precision: Precision,
        workgroup: u32,
        (x, y): (&[f64], &[f64]),
        h: &[f64],
        k: &[f64],
    ) -> Result<Sum, String> {
        let pipeline = compile(gpu, precision, workgroup)?;
        Ok(Sum::upload(
            gpu,
            pipeline,
            precision,
            workgroup,
            (x, y),
            h,
            k,
        ))
    }

    /// The upload alone, with a pipeline made by [`compile`].
    pub fn upload(
        gpu: &Gpu,
        pipeline: wgpu::ComputePipeline,
        precision: Precision,
        workgroup: u32,
        (x, y): (&[f64], &[f64]),
        h: &[f64],
        k: &[f64],
    ) -> Sum {
        let device = &gpu.device;
        let points = h.len() * k.len();
        let groups = points.div_ceil(workgroup as usize).max(1);
        let across = groups.min(device.limits().max_compute_workgroups_per_dimension as usize);
        let groups = (across as u32, groups.div_ceil(across) as u32);
        let cells: Vec<f64> = x.iter().zip(y).flat_map(|(&a, &b)| [a, b]).collect();
        let sizes = [x.len(), h.len(), k.len(), across * workgroup as usize].map(|v| v as u32);
        let input = |label, contents: &[u8], usage| {
            device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                label: Some(label),
                contents,
                usage,
            })
        };
        // An empty binding is not allowed: a buffer holds at least one value.
        let at_least_one = |v: &[f64]| if v.is_empty() { vec![0.0] } else { v.to_vec() };
        let storage = wgpu::BufferUsages::STORAGE;
        let buffers = [
            input(
                "sizes",
                bytemuck::cast_slice(&sizes),
                wgpu::BufferUsages::UNIFORM,
            ),
            input("cells", &precision.bytes(&at_least_one(&cells)), storage),
            input("h", &precision.bytes(&at_least_one(h)), storage),
            input("k", &precision.bytes(&at_least_one(k)), storage),
        ];
        let bytes = points.max(1) as u64 * precision.size();
        let buffer = |label, usage| {
            device.create_buffer(&wgpu::BufferDescriptor {
                label: Some(label),
                size: bytes,
                usage,
                mapped_at_creation: false,
            })
        };
        use wgpu::BufferUsages as U;
        let output = buffer("intensities", U::STORAGE | U::COPY_SRC);
        let readback = buffer("readback", U::MAP_READ | U::COPY_DST);
        let entries: Vec<wgpu::BindGroupEntry> = buffers
            .iter()
            .chain([&output])
            .enumerate()
            .map(|(i, b)| wgpu::BindGroupEntry {
                binding: i as u32,
                resource: b.as_entire_binding(),
            })
            .collect();
        let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some("sum"),
            layout: &pipeline.get_bind_group_layout(0),
            entries: &entries,
        });
        // The buffers made with their contents are copied to the device at the next
        // submission: submit nothing and wait, so that the upload is over here.
        gpu.queue.submit([]);
        gpu.wait();
        Sum {
            precision,
            workgroup,
            points,
            groups,
            pipeline,
            bind_group,
            output,
            readback,
        }
    }
}

/// The shader's five bindings, said here rather than read from the shader: a shader that
/// leaves one unused (a stub) still takes the same bind group.
fn layout(device: &wgpu::Device) -> wgpu::PipelineLayout {
    let entry = |binding, ty| wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::COMPUTE,
        ty: wgpu::BindingType::Buffer {
            ty,
            has_dynamic_offset: false,
            min_binding_size: None,
        },
        count: None,
    };
    let read = wgpu::BufferBindingType::Storage { read_only: true };
    let entries = [
        entry(0, wgpu::BufferBindingType::Uniform),
        entry(1, read),
        entry(2, read),
        entry(3, read),
        entry(4, wgpu::BufferBindingType::Storage { read_only: false }),
    ];
    let bind_group_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
        label: Some("sum"),
        entries: &entries,
    });
    device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some("sum"),
        bind_group_layouts: &[Some(&bind_group_layout)],
        immediate_size: 0,
    })
}

/// The shader compiled into a pipeline, for `precision` and `workgroup` invocations a group.
pub fn compile(
    gpu: &Gpu,
    precision: Precision,
    workgroup: u32,
) -> Result<wgpu::ComputePipeline, String> {
    if precision == Precision::F64 && !gpu.f64 {
        return Err(format!(
            "{} has no f64 in shaders (SHADER_F64)",
            gpu.info.name
        ));
    }
    let device = &gpu.device;
    // A mistake in the shader is an error to report, not a panic.
    let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
    let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some("sum.wgsl"),
        source: wgpu::ShaderSource::Wgsl(shader(precision, workgroup)?.into()),
    });
    let pipeline = device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
        label: Some("sum"),
        layout: Some(&layout(device)),
        module: &module,
        entry_point: Some("main"),
        compilation_options: Default::default(),
        cache: None,
    });
    match pollster::block_on(scope.pop()) {
        Some(e) => Err(format!("the shader does not compile: {e}")),
        None => Ok(pipeline),
    }
}

/// Maps the readback buffer, waits, and converts what it holds.
pub fn read(gpu: &Gpu, sum: &Sum) -> Vec<f64> {
    let slice = sum.readback.slice(..);
    slice.map_async(wgpu::MapMode::Read, |result| {
        // An error here is a lost device, which the wait below reports.
        let _ = result;
    });
    gpu.wait();
    let values = {
        let Ok(bytes) = slice.get_mapped_range() else {
            panic!("the GPU's output could not be mapped: the device was lost");
        };
        match sum.precision {
            Precision::F64 => bytemuck::cast_slice::<u8, f64>(&bytes).to_vec(),
            Precision::F32 => bytemuck::cast_slice::<u8, f32>(&bytes)
                .iter()
                .map(|&v| f64::from(v))
                .collect(),
        }
    };
    sum.readback.unmap();
    values[..sum.points].to_vec()
}

/// The intensities over the grid, one per point (h, k), row by row: run the shader over the
/// whole grid, copy its output where the host can read it, submit, wait and read.
///
/// `sum` holds all you need: the pipeline and its bind group, `groups` (the work-groups to
/// dispatch along x and y), the `output` buffer the shader writes and the `readback` buffer to
/// copy it into; [`read`] above maps `readback` and reads it.
pub fn dispatch(gpu: &Gpu, sum: &Sum) -> Vec<f64> {
    todo!("encode the pass and the copy, submit them, then read(gpu, sum)")
}
