//! Importing any bytes as a REFI-QDA project (a `.qdpx` zip when it starts
//! like one, else a `.qde` document): never a panic, a hang or a crash; a
//! workspace it fills is sound (every passage on its words).
#![no_main]
use detente::core::model::Workspace;
use detente::exchange::qdpx::import::{Files, import};
use detente::exchange::qdpx::open::{Zip, xml_text};
use libfuzzer_sys::fuzz_target;

struct NoFiles;
impl Files for NoFiles {
    fn get(&mut self, _: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(None)
    }
}

fuzz_target!(|data: &[u8]| {
    let mut ws = Workspace::new("fuzz");
    let docx = |b: &[u8]| detente::read::docx::read_docx(b).map(|d| d.text);
    let done = if data.starts_with(b"PK") {
        Zip::new(data.to_vec()).and_then(|mut z| {
            let xml = z.project()?;
            import(&mut ws, &xml, &mut z, &docx)
        })
    } else {
        xml_text(data).and_then(|xml| import(&mut ws, &xml, &mut NoFiles, &docx))
    };
    if done.is_ok() {
        let problems = ws.problems();
        assert!(problems.is_empty(), "{problems:?}");
    }
});
