//! Machine code for `asm`: the runner's own functions disassembled by objdump (binutils), the
//! loops in them (the backward jumps), and what each instruction is on x86_64: packed on xmm
//! (SSE2: 2 doubles), ymm (AVX: 4) or zmm (AVX-512: 8), or scalar.

use anyhow::{Context, Result, bail};
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::Path;
use std::process::{Command, Stdio};

/// Names the objdump to run instead of the one on the `PATH` (the tests name a missing one).
pub const OBJDUMP_VARIABLE: &str = "WORKBOOK_OBJDUMP";

const INSTALL: &str = "asm needs objdump, from binutils: install it (Debian/Ubuntu: apt-get install binutils; macOS: brew install binutils)";

/// The objdump program: `WORKBOOK_OBJDUMP` when set, else `objdump` on the `PATH`.
pub fn program() -> OsString {
    std::env::var_os(OBJDUMP_VARIABLE).unwrap_or_else(|| "objdump".into())
}

/// Refuses, in one line, a machine without objdump.
pub fn check_available() -> Result<()> {
    let named = match std::env::var_os(OBJDUMP_VARIABLE) {
        Some(p) => format!(
            " ({OBJDUMP_VARIABLE}={} cannot be run)",
            Path::new(&p).display()
        ),
        None => String::new(),
    };
    match Command::new(program())
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        Ok(s) if s.success() => Ok(()),
        Ok(_) => bail!("{INSTALL}{named}: `objdump --version` failed"),
        Err(e) if e.kind() == ErrorKind::NotFound || e.kind() == ErrorKind::PermissionDenied => {
            bail!("{INSTALL}{named}")
        }
        Err(e) => bail!("{INSTALL}{named}: {e}"),
    }
}

/// Disassembles `exe`: `objdump -d --no-show-raw-insn -C`, AT&T syntax; and where its
/// indirect calls through the global offset table go (`objdump -R`).
pub fn disassemble(exe: &Path) -> Result<(Vec<Function>, HashMap<u64, u64>)> {
    let functions = parse(&objdump(exe, &["-d", "--no-show-raw-insn", "-C"])?);
    let slots = parse_relocations(&objdump(exe, &["-R"])?);
    Ok((functions, slots))
}

fn objdump(exe: &Path, options: &[&str]) -> Result<String> {
    let out = Command::new(program())
        .args(options)
        .arg(exe)
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .context("cannot start objdump")?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        bail!(
            "objdump failed on {}: {}",
            exe.display(),
            stderr.lines().next().unwrap_or("").trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Reads `objdump -R`: the slots a position-independent executable's loader fills with an
/// address of its own (`R_X86_64_RELATIVE`, `*ABS*+0x27f020`): slot -> address. A call
/// `call *0x30a398(%rip)  # 58a008` through slot 58a008 goes to that address.
pub fn parse_relocations(text: &str) -> HashMap<u64, u64> {
    let mut slots = HashMap::new();
    for line in text.lines() {
        let mut fields = line.split_whitespace();
        let (Some(offset), Some(kind), Some(value)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        if !kind.ends_with("_RELATIVE") {
            continue;
        }
        let Some(address) = value.strip_prefix("*ABS*+0x") else {
            continue;
        };
        if let (Ok(o), Ok(a)) = (
            u64::from_str_radix(offset, 16),
            u64::from_str_radix(address, 16),
        ) {
            slots.insert(o, a);
        }
    }
    slots
}

/// One function of the disassembly.
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    pub name: String,
    pub start: u64,
    pub instructions: Vec<Instruction>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Instruction {
    pub address: u64,
    pub mnemonic: String,
    /// The operands as objdump wrote them, its `# comment` and `<symbol>` left out.
    pub operands: String,
    /// A direct jump's or call's target address.
    pub target: Option<u64>,
    /// The function a direct call goes to, as objdump names it (`<name>` or `<name+0x10>`).
    pub callee: Option<String>,
    /// The memory an indirect call or jump through `*0x...(%rip)` reads its target from.
    pub slot: Option<u64>,
}

impl Instruction {
    pub fn is_call(&self) -> bool {
        self.mnemonic.starts_with("call")
    }
    pub fn is_jump(&self) -> bool {
        self.mnemonic.starts_with('j')
    }
    /// The instruction as objdump printed it, without its comment.
    pub fn text(&self) -> String {
        if self.operands.is_empty() {
            self.mnemonic.clone()
        } else {
            format!("{:<7} {}", self.mnemonic, self.operands)
        }
    }
}

/// Reads objdump's `-d` output: `0000000000277cd0 <name>:` starts a function, and each
/// `  277cd4:\tmov    %rsi,%r8` line is an instruction (objdump run with
/// `--no-show-raw-insn`; lines with raw bytes only, continuations of a long instruction, are
/// skipped).
pub fn parse(text: &str) -> Vec<Function> {
    let mut functions: Vec<Function> = Vec::new();
    for line in text.lines() {
        if let Some((address, rest)) = line.split_once(" <")
            && let Some(name) = rest.strip_suffix(">:")
            && let Ok(start) = u64::from_str_radix(address.trim(), 16)
            && !address.starts_with(' ')
        {
            functions.push(Function {
                name: name.to_string(),
                start,
                instructions: Vec::new(),
            });
            continue;
        }
        let Some(function) = functions.last_mut() else {
            continue;
        };
        let Some((address, rest)) = line.split_once(":\t") else {
            continue;
        };
        let Ok(address) = u64::from_str_radix(address.trim(), 16) else {
            continue;
        };
        let (rest, comment) = match rest.split_once(" #") {
            Some((r, c)) => (r.trim(), c.trim()),
            None => (rest.trim(), ""),
        };
        if rest.is_empty() || rest.starts_with("(bad)") {
            continue;
        }
        let (mut mnemonic, mut operands) = match rest.split_once(char::is_whitespace) {
            Some((m, o)) => (m.to_string(), o.trim().to_string()),
            None => (rest.to_string(), String::new()),
        };
        // Prefixes (`rep stos`, `lock cmpxchg`, `bnd jmp`, `notrack jmp`) stay in front.
        for prefix in [
            "rep", "repz", "repnz", "lock", "bnd", "notrack", "data16", "cs", "ds",
        ] {
            if mnemonic == prefix && !operands.is_empty() {
                let (m, o) = match operands.split_once(char::is_whitespace) {
                    Some((m, o)) => (m.to_string(), o.trim().to_string()),
                    None => (operands.clone(), String::new()),
                };
                mnemonic = format!("{prefix} {m}");
                operands = o;
            }
        }
        let (mut target, mut callee, mut slot) = (None, None, None);
        let jumps = mnemonic.starts_with('j')
            || mnemonic.starts_with("call")
            || mnemonic.starts_with("bnd j")
            || mnemonic.starts_with("loop");
        if jumps && let Some((addr, sym)) = operands.split_once(" <") {
            if let Ok(a) = u64::from_str_radix(addr.trim(), 16) {
                target = Some(a);
            }
            let sym = sym.trim_end_matches('>');
            let base = match sym.rfind("+0x") {
                Some(i) => &sym[..i],
                None => sym,
            };
            callee = Some(base.to_string());
            operands = addr.trim().to_string();
        }
        if jumps && operands.starts_with('*') && operands.ends_with("(%rip)") {
            slot = comment
                .split_whitespace()
                .next()
                .and_then(|a| u64::from_str_radix(a, 16).ok());
        }
        function.instructions.push(Instruction {
            address,
            mnemonic,
            operands,
            target,
            callee,
            slot,
        });
    }
    functions.retain(|f| !f.instructions.is_empty());
    functions
}

/// A loop: the instructions from a backward jump's target to the jump, in one function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loop {
    /// Index of the first and of the last instruction (the jump) in the function.
    pub first: usize,
    pub last: usize,
}

impl Loop {
    pub fn len(&self) -> usize {
        self.last - self.first + 1
    }
    pub fn is_empty(&self) -> bool {
        false
    }
    fn contains(&self, other: &Loop) -> bool {
        self.first <= other.first && other.last <= self.last && *self != *other
    }
}

/// The loops of `f` that hold no other loop: the ranges of its backward jumps, innermost only.
pub fn innermost_loops(f: &Function) -> Vec<Loop> {
    let index: HashMap<u64, usize> = f
        .instructions
        .iter()
        .enumerate()
        .map(|(i, x)| (x.address, i))
        .collect();
    let mut loops: Vec<Loop> = Vec::new();
    for (i, x) in f.instructions.iter().enumerate() {
        if !x.is_jump() {
            continue;
        }
        if let Some(t) = x.target
            && t <= x.address
            && let Some(&first) = index.get(&t)
        {
            let l = Loop { first, last: i };
            if !loops.contains(&l) {
                loops.push(l);
            }
        }
    }
    let all = loops.clone();
    loops.retain(|l| !all.iter().any(|o| l.contains(o)));
    loops
}

/// What an instruction does with vector registers, on x86_64.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// `lanes` numbers of `bits` each, in a register of `register` bits.
    Packed {
        lanes: u32,
        float: bool,
        register: u32,
    },
    /// One f64 (`sd`) or f32 (`ss`) in the low lane of an xmm register.
    Scalar { double: bool },
}

impl Mark {
    fn register_name(register: u32) -> &'static str {
        match register {
            512 => "zmm",
            256 => "ymm",
            _ => "xmm",
        }
    }

    /// The mark printed beside the instruction.
    pub fn label(&self) -> String {
        match *self {
            Mark::Packed {
                lanes,
                float: true,
                register,
            } => {
                let width = 128 * (register / 128).max(1);
                let element = if width / lanes == 64 { "f64" } else { "f32" };
                format!(
                    "packed {lanes} x {element} ({})",
                    Mark::register_name(register)
                )
            }
            Mark::Packed { register, .. } => {
                format!("packed integer ({})", Mark::register_name(register))
            }
            Mark::Scalar { double: true } => "scalar f64".to_string(),
            Mark::Scalar { double: false } => "scalar f32".to_string(),
        }
    }
}

/// The widest vector register among `operands` (128, 256, 512), or 0.
fn register_bits(operands: &str) -> u32 {
    if operands.contains("%zmm") {
        512
    } else if operands.contains("%ymm") {
        256
    } else if operands.contains("%xmm") {
        128
    } else {
        0
    }
}

/// Marks one x86_64 instruction (AT&T mnemonics, as objdump writes them): packed double
/// (`...pd`) or single (`...ps`) with its lanes, packed integer (`p...` on a vector register),
/// scalar (`...sd`, `...ss`); `None` for the rest.
pub fn mark(x: &Instruction) -> Option<Mark> {
    let register = register_bits(&x.operands);
    if register == 0 {
        return None;
    }
    let m = x.mnemonic.as_str();
    // cvtsi2sdq, vcvtsi2sdl: the suffix says the integer's size, not the lanes.
    let stem = m
        .strip_suffix('q')
        .or_else(|| m.strip_suffix('l'))
        .filter(|s| s.ends_with("sd") || s.ends_with("ss") || s.ends_with("pd"))
        .unwrap_or(m);
    if m.contains("broadcastsd") || m.contains("broadcastss") {
        let element = if m.ends_with("sd") { 64 } else { 32 };
        return Some(Mark::Packed {
            lanes: register.max(128) / element,
            float: true,
            register,
        });
    }
    if stem.ends_with("pd") {
        return Some(Mark::Packed {
            lanes: register / 64,
            float: true,
            register,
        });
    }
    if stem.ends_with("ps") {
        return Some(Mark::Packed {
            lanes: register / 32,
            float: true,
            register,
        });
    }
    if stem.ends_with("sd") {
        return Some(Mark::Scalar { double: true });
    }
    if stem.ends_with("ss") {
        return Some(Mark::Scalar { double: false });
    }
    // movq/movd between a general register and xmm: one number, not a vector operation.
    if matches!(m, "movq" | "movd" | "vmovq" | "vmovd") {
        return None;
    }
    // Everything else on ymm/zmm is a vector operation of that width (vinsertf128, vpermq,
    // vextractf64x4, ...); on xmm only the packed integer (p...) and the 128-bit lane moves.
    let m = m.strip_prefix('v').unwrap_or(m);
    if register > 128 || m.starts_with('p') || m.starts_with("movdq") {
        return Some(Mark::Packed {
            lanes: 0,
            float: false,
            register,
        });
    }
    None
}

/// The summary line of a loop: "loop of 41 instructions: 12 packed 2-wide (xmm), 3 scalar,
/// 0 ymm/zmm".
pub fn summary(instructions: &[Instruction]) -> String {
    let mut packed: Vec<(u32, u32, usize)> = Vec::new();
    let (mut integer, mut scalar, mut wide) = (0usize, 0usize, 0usize);
    for x in instructions {
        match mark(x) {
            Some(Mark::Packed {
                lanes,
                float: true,
                register,
            }) => {
                match packed
                    .iter_mut()
                    .find(|(l, r, _)| *l == lanes && *r == register)
                {
                    Some(p) => p.2 += 1,
                    None => packed.push((lanes, register, 1)),
                }
                if register > 128 {
                    wide += 1;
                }
            }
            Some(Mark::Packed { register, .. }) => {
                integer += 1;
                if register > 128 {
                    wide += 1;
                }
            }
            Some(Mark::Scalar { .. }) => scalar += 1,
            None => {}
        }
    }
    packed.sort_by_key(|&(l, r, _)| (r, l));
    let mut parts: Vec<String> = packed
        .iter()
        .map(|&(lanes, register, n)| {
            format!(
                "{n} packed {lanes}-wide ({})",
                Mark::register_name(register)
            )
        })
        .collect();
    if packed.is_empty() {
        parts.push("0 packed".to_string());
    }
    if integer > 0 {
        parts.push(format!("{integer} packed integer"));
    }
    parts.push(format!("{scalar} scalar"));
    if wide == 0 {
        parts.push("0 ymm/zmm".to_string());
    }
    format!(
        "loop of {} instructions: {}",
        instructions.len(),
        parts.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An excerpt of `objdump -d --no-show-raw-insn -C` on a runner: a function with a loop
    /// (SSE2, 2 doubles a register) nested in an outer loop, and a call.
    const DUMP: &str = "
compiler-chapter:     file format elf64-x86-64


Disassembly of section .text:

0000000000278530 <compiler_solution::sum_cis>:
  278530:\tsub    $0x18,%rsp
  278534:\txorpd  %xmm1,%xmm1
  278538:\tmovupd (%rdi,%r8,1),%xmm0
  27853e:\tmulpd  %xmm4,%xmm0
  278542:\taddpd  %xmm0,%xmm1
  278546:\tmulsd  %xmm2,%xmm3
  27854a:\tcvtsi2sd %rax,%xmm5
  27854f:\tadd    $0x20,%r8
  278553:\tcmp    %r8,%rax
  278556:\tjne    278538 <compiler_solution::sum_cis+0x8>
  278558:\tvfmadd231pd %ymm1,%ymm2,%ymm3
  27855d:\tcall   *0x30a398(%rip)        # 58a008 <_DYNAMIC+0x350>
  278562:\tdec    %rcx
  278565:\tjne    278534 <compiler_solution::sum_cis+0x4>
  278567:\tmovsd  0x10(%rsp),%xmm0 # 7a030 <anon.1+0x180>
  27856d:\tret

0000000000279540 <alloc::raw_vec::finish_grow>:
  279540:\tvaddpd %zmm1,%zmm2,%zmm3
  279546:\tvpxord %zmm1,%zmm1,%zmm1
  27954c:\tret
";

    #[test]
    fn reads_functions_and_instructions() {
        let fs = parse(DUMP);
        assert_eq!(fs.len(), 2);
        assert_eq!(fs[0].name, "compiler_solution::sum_cis");
        assert_eq!(fs[0].start, 0x278530);
        assert_eq!(fs[0].instructions.len(), 16);
        let jne = &fs[0].instructions[9];
        assert_eq!(jne.mnemonic, "jne");
        assert_eq!(jne.target, Some(0x278538));
        let call = &fs[0].instructions[11];
        assert!(call.is_call());
        assert_eq!(call.slot, Some(0x58a008));
        let slots = parse_relocations(
            "OFFSET           TYPE              VALUE\n\
             000000000058a008 R_X86_64_RELATIVE  *ABS*+0x0000000000279540\n\
             000000000058a010 R_X86_64_GLOB_DAT  free@GLIBC_2.2.5\n",
        );
        assert_eq!(slots.len(), 1);
        assert_eq!(slots[&0x58a008], 0x279540);
        // The comment is left out.
        assert_eq!(fs[0].instructions[14].operands, "0x10(%rsp),%xmm0");
    }

    #[test]
    fn finds_the_innermost_loop() {
        let fs = parse(DUMP);
        let loops = innermost_loops(&fs[0]);
        assert_eq!(loops, [Loop { first: 2, last: 9 }]);
        assert_eq!(loops[0].len(), 8);
        assert!(innermost_loops(&fs[1]).is_empty());
    }

    #[test]
    fn marks_vector_instructions_and_their_width() {
        let fs = parse(DUMP);
        let at = |f: usize, i: usize| mark(&fs[f].instructions[i]).map(|m| m.label());
        assert_eq!(at(0, 3).as_deref(), Some("packed 2 x f64 (xmm)"));
        assert_eq!(at(0, 5).as_deref(), Some("scalar f64"));
        assert_eq!(at(0, 6).as_deref(), Some("scalar f64"));
        assert_eq!(at(0, 7), None);
        assert_eq!(at(0, 10).as_deref(), Some("packed 4 x f64 (ymm)"));
        assert_eq!(at(1, 0).as_deref(), Some("packed 8 x f64 (zmm)"));
        assert_eq!(at(1, 1).as_deref(), Some("packed integer (zmm)"));
        let l = innermost_loops(&fs[0])[0];
        assert_eq!(
            summary(&fs[0].instructions[l.first..=l.last]),
            "loop of 8 instructions: 3 packed 2-wide (xmm), 2 scalar, 0 ymm/zmm"
        );
        assert_eq!(
            summary(&fs[1].instructions),
            "loop of 3 instructions: 1 packed 8-wide (zmm), 1 packed integer, 0 scalar"
        );
    }
}
