//! The NumPy `.npy` format: float64 arrays written (version 1.0, enough for `numpy.load` to
//! read a result grid) and read back (any version and byte order NumPy writes, through npyz).

use anyhow::{Context, Result, bail};
use std::path::Path;

/// A float64 array read from a `.npy` file: its shape and its values in C (row-major) order.
pub fn read_f64(path: &Path) -> Result<(Vec<usize>, Vec<f64>)> {
    let shown = path.display();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {shown}"))?;
    let file = npyz::NpyFile::new(&bytes[..])
        .map_err(|e| anyhow::anyhow!("{shown} is not a .npy file: {e}"))?;
    if file.order() == npyz::Order::Fortran && file.shape().len() > 1 {
        bail!("{shown} is in Fortran order: save it with numpy.ascontiguousarray first");
    }
    let shape: Vec<usize> = file.shape().iter().map(|&d| d as usize).collect();
    let values = file.into_vec::<f64>().map_err(|e| {
        anyhow::anyhow!("{shown} does not hold float64 values ({e}): save it with .astype(float)")
    })?;
    Ok((shape, values))
}

/// Encodes `data` with the given shape (row-major, C order).
pub fn encode_f64(shape: &[usize], data: &[f64]) -> Vec<u8> {
    assert_eq!(
        shape.iter().product::<usize>(),
        data.len(),
        "shape and data disagree"
    );
    let dims = match shape {
        [one] => format!("({one},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let mut header = format!("{{'descr': '<f8', 'fortran_order': False, 'shape': {dims}, }}");
    // Magic (6) + version (2) + header length (2) + header, padded with spaces and a final
    // newline to a multiple of 64 bytes, as the format asks.
    let unpadded = 10 + header.len() + 1;
    header.push_str(&" ".repeat((64 - unpadded % 64) % 64));
    header.push('\n');
    let mut out = Vec::with_capacity(10 + header.len() + 8 * data.len());
    out.extend_from_slice(b"\x93NUMPY\x01\x00");
    out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    for v in data {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_aligned_and_data_follows() {
        let bytes = encode_f64(&[2, 3], &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        assert_eq!(&bytes[..8], b"\x93NUMPY\x01\x00");
        let header_len = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
        assert_eq!((10 + header_len) % 64, 0);
        let header = std::str::from_utf8(&bytes[10..10 + header_len]).unwrap();
        assert!(header.contains("'shape': (2, 3)"), "{header}");
        assert!(header.ends_with('\n'));
        let first = f64::from_le_bytes(bytes[10 + header_len..18 + header_len].try_into().unwrap());
        assert_eq!(first, 1.0);
        assert_eq!(bytes.len(), 10 + header_len + 48);
    }

    #[test]
    fn what_is_written_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.npy");
        std::fs::write(&path, encode_f64(&[2, 3], &[1.0, 2.0, 3.0, 4.0, 5.0, 6.5])).unwrap();
        let (shape, values) = read_f64(&path).unwrap();
        assert_eq!(shape, [2, 3]);
        assert_eq!(values, [1.0, 2.0, 3.0, 4.0, 5.0, 6.5]);
        std::fs::write(&path, b"not numpy").unwrap();
        let e = read_f64(&path).unwrap_err().to_string();
        assert!(e.contains("is not a .npy file"), "{e}");
    }

    #[test]
    fn one_dimensional_shape_has_a_trailing_comma() {
        let bytes = encode_f64(&[3], &[1.0, 2.0, 3.0]);
        let header = String::from_utf8_lossy(&bytes[10..]);
        assert!(header.contains("'shape': (3,)"));
    }
}
