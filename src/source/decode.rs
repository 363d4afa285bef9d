//! Bytes → UTF-8 text. Plans saved from Windows tools often arrive as UTF-16 or GBK;
//! we never guess silently: anything but UTF-8 is refused with a message that names
//! the encoding it looks like and how to re-save the file.

/// Why a file could not be read as UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The encoding the bytes look like, e.g. "UTF-16LE" or "GBK/GB18030".
    pub looks_like: &'static str,
    /// Byte offset of the first byte that is not valid UTF-8.
    pub offset: usize,
}

impl DecodeError {
    pub fn message(&self) -> String {
        let looks_like = match self.looks_like {
            "an unknown non-UTF-8 encoding" => crate::t!("decode-unknown-encoding"),
            known => known.to_owned(),
        };
        crate::t!(
            "decode-not-utf8",
            encoding = looks_like,
            offset = self.offset.to_string()
        )
    }
    pub fn help(&self) -> String {
        crate::t!(
            "decode-help",
            encoding = self.looks_like,
            iconv = match self.looks_like {
                "UTF-16LE" => "UTF-16LE",
                "UTF-16BE" => "UTF-16BE",
                "GBK/GB18030" => "GB18030",
                "Big5" => "BIG5",
                _ => "<encoding>",
            }
        )
    }
}

/// Decode file bytes. A UTF-8 byte-order mark is accepted and removed.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest).map_err(|e| DecodeError {
            offset: e.offset + 3,
            ..e
        });
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Err(DecodeError {
            looks_like: "UTF-16LE",
            offset: 0,
        });
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Err(DecodeError {
            looks_like: "UTF-16BE",
            offset: 0,
        });
    }
    decode_utf8(bytes)
}

/// Like [`decode`], but reuses the buffer: no copy in the common case of plain UTF-8.
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, DecodeError> {
    let special = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (bytes.contains(&0) && utf16_without_bom(&bytes).is_some());
    let plain = !special;
    if plain {
        match String::from_utf8(bytes) {
            Ok(s) => return Ok(s),
            Err(e) => return decode(e.as_bytes()),
        }
    }
    decode(&bytes)
}

fn decode_utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            if let Some(enc) = utf16_without_bom(bytes) {
                return Err(DecodeError {
                    looks_like: enc,
                    offset: 0,
                });
            }
            Ok(s.to_owned())
        }
        Err(e) => {
            let offset = e.valid_up_to();
            Err(DecodeError {
                looks_like: guess(bytes),
                offset,
            })
        }
    }
}

/// ASCII text stored as UTF-16 without a BOM is valid UTF-8 full of NUL bytes.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() < 4 || !bytes.contains(&0) {
        return None;
    }
    let (even, odd) = bytes
        .iter()
        .enumerate()
        .fold((0usize, 0usize), |(e, o), (i, b)| {
            if *b == 0 {
                if i % 2 == 0 {
                    (e + 1, o)
                } else {
                    (e, o + 1)
                }
            } else {
                (e, o)
            }
        });
    let half = bytes.len() / 2;
    if odd * 10 > half * 3 && odd > even * 4 {
        Some("UTF-16LE")
    } else if even * 10 > half * 3 && even > odd * 4 {
        Some("UTF-16BE")
    } else {
        None
    }
}

fn guess(bytes: &[u8]) -> &'static str {
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    let (_, _, gb_errors) = encoding_rs::GB18030.decode(bytes);
    if !gb_errors {
        return "GBK/GB18030";
    }
    let (_, _, big5_errors) = encoding_rs::BIG5.decode(bytes);
    if !big5_errors {
        return "Big5";
    }
    "an unknown non-UTF-8 encoding"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_utf8_and_strips_bom() {
        assert_eq!(decode("id: 华东".as_bytes()).unwrap(), "id: 华东");
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice("id: 华东".as_bytes());
        assert_eq!(decode(&with_bom).unwrap(), "id: 华东");
    }

    #[test]
    fn names_gbk() {
        let (bytes, _, _) = encoding_rs::GBK.encode("标题: 华东大区年度销售计划");
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err.looks_like, "GBK/GB18030");
        assert!(err.help().contains("GB18030"));
    }

    #[test]
    fn names_utf16() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "id: x".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap_err().looks_like, "UTF-16LE");
        // Without a BOM too.
        assert_eq!(decode(&bytes[2..]).unwrap_err().looks_like, "UTF-16LE");
    }
}
