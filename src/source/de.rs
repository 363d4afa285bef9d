//! A serde `Deserializer` over the spanned [`Node`] tree.
//!
//! Errors raised anywhere inside a value carry that value's span, and [`Sp<T>`] fields
//! receive the span of what they were read from — so the typed model can point rules
//! at the exact bytes a user wrote. Scalars are handed to `deserialize_str` as the text
//! the user wrote, which is how money and percentages stay exact decimals.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::yaml::{Entry, Node, Value};
use super::Span;

/// A value with the span it was read from.
#[derive(Clone, Debug, Default)]
pub struct Sp<T> {
    pub span: Span,
    pub value: T,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Span) -> Self {
        Sp { span, value }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: PartialEq> PartialEq for Sp<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: fmt::Display> fmt::Display for Sp<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: serde::Serialize> serde::Serialize for Sp<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

const SPANNED: &str = "$planc::Sp";
const SPANNED_FIELDS: &[&str] = &["$start", "$end", "$value"];

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Sp<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sp<T>, A::Error> {
                let mut start = 0usize;
                let mut end = 0usize;
                let mut value = None;
                while let Some(k) = map.next_key::<&str>()? {
                    match k {
                        "$start" => start = map.next_value()?,
                        "$end" => end = map.next_value()?,
                        _ => value = Some(map.next_value()?),
                    }
                }
                let value = value.ok_or_else(|| de::Error::missing_field("$value"))?;
                Ok(Sp {
                    span: Span::new(start, end),
                    value,
                })
            }
        }
        d.deserialize_struct(SPANNED, SPANNED_FIELDS, V(std::marker::PhantomData))
    }
}

/// A deserialization error, located where possible.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError {
    pub message: String,
    pub span: Option<Span>,
    pub help: Option<String>,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            message: msg.to_string(),
            span: None,
            help: None,
        }
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let help = crate::suggest::did_you_mean(field, expected.iter().copied())
            .map(|s| crate::t!("did-you-mean", suggestion = s))
            .or_else(|| {
                Some(crate::t!(
                    "schema-fields-allowed",
                    fields = expected.join(", ")
                ))
            });
        DeError {
            message: crate::t!("schema-unknown-field", subject = field.to_owned()),
            span: None,
            help,
        }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let help = crate::suggest::did_you_mean(variant, expected.iter().copied())
            .map(|s| crate::t!("did-you-mean", suggestion = s))
            .or_else(|| {
                Some(crate::t!(
                    "schema-allowed-values",
                    allowed = expected.join(", ")
                ))
            });
        DeError {
            message: crate::t!("schema-not-allowed", subject = variant.to_owned()),
            span: None,
            help,
        }
    }
}

fn locate<T>(r: Result<T, DeError>, span: Span) -> Result<T, DeError> {
    r.map_err(|mut e| {
        if e.span.is_none() {
            e.span = Some(span);
        }
        e
    })
}

/// Deserialize `T` from a node.
pub fn from_node<'a, T: Deserialize<'a>>(node: &'a Node) -> Result<T, DeError> {
    T::deserialize(NodeDe(node))
}

#[derive(Clone, Copy)]
pub struct NodeDe<'a>(pub &'a Node);

impl<'de> NodeDe<'de> {
    fn scalar_text(&self) -> Option<&'de str> {
        match &self.0.value {
            Value::String(s) | Value::Number(s) => Some(s),
            _ => None,
        }
    }
}

macro_rules! forward_to_any {
    ($($m:ident)*) => {
        $(fn $m<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
            self.deserialize_any(v)
        })*
    };
}

impl<'de> de::Deserializer<'de> for NodeDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let span = self.0.span;
        let r = match &self.0.value {
            Value::Null => v.visit_unit(),
            Value::Bool(b) => v.visit_bool(*b),
            Value::Number(raw) => {
                if let Ok(u) = raw.parse::<u64>() {
                    v.visit_u64(u)
                } else if let Ok(i) = raw.parse::<i64>() {
                    v.visit_i64(i)
                } else if let Ok(f) = raw.parse::<f64>() {
                    v.visit_f64(f)
                } else {
                    v.visit_borrowed_str(raw)
                }
            }
            Value::String(s) => v.visit_borrowed_str(s),
            Value::Seq(items) => v.visit_seq(SeqDe { iter: items.iter() }),
            Value::Map(entries) => v.visit_map(MapDe {
                iter: entries.iter(),
                value: None,
            }),
        };
        locate(r, span)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.scalar_text() {
            Some(s) => locate(v.visit_borrowed_str(s), self.0.span),
            None => self.deserialize_any(v),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.0.value {
            Value::Null => v.visit_none(),
            _ => locate(v.visit_some(self), self.0.span),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        locate(v.visit_newtype_struct(self), self.0.span)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        if name == SPANNED {
            return v.visit_map(SpannedDe {
                node: self.0,
                step: 0,
            });
        }
        let _ = fields;
        self.deserialize_any(v)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        let span = self.0.span;
        let r = match &self.0.value {
            Value::String(s) | Value::Number(s) => v.visit_enum(s.as_str().into_deserializer()),
            Value::Map(entries) if entries.len() == 1 => v.visit_enum(EnumDe(&entries[0])),
            _ => Err(de::Error::custom(
                "expected a name, or a mapping with a single key",
            )),
        };
        locate(r, span)
    }

    forward_to_any! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_bytes deserialize_byte_buf
        deserialize_unit deserialize_seq deserialize_map deserialize_identifier
        deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(v)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, DeError> {
        self.deserialize_any(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(v)
    }
}

struct SeqDe<'a> {
    iter: std::slice::Iter<'a, Node>,
}

impl<'de> SeqAccess<'de> for SeqDe<'de> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.iter.next() {
            Some(n) => locate(seed.deserialize(NodeDe(n)), n.span).map(Some),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct MapDe<'a> {
    iter: std::slice::Iter<'a, Entry>,
    value: Option<&'a Node>,
}

impl<'de> MapAccess<'de> for MapDe<'de> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.iter.next() {
            Some(e) => {
                self.value = Some(&e.value);
                let key: de::value::BorrowedStrDeserializer<'de, DeError> =
                    de::value::BorrowedStrDeserializer::new(&e.key);
                locate(seed.deserialize(key), e.key_span).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let n = self
            .value
            .take()
            .ok_or_else(|| <DeError as de::Error>::custom("value without a key"))?;
        locate(seed.deserialize(NodeDe(n)), n.span)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct SpannedDe<'a> {
    node: &'a Node,
    step: u8,
}

impl<'de> MapAccess<'de> for SpannedDe<'de> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let key = match self.step {
            0 => "$start",
            1 => "$end",
            2 => "$value",
            _ => return Ok(None),
        };
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let step = self.step;
        self.step += 1;
        match step {
            0 => seed.deserialize((self.node.span.start as u64).into_deserializer()),
            1 => seed.deserialize((self.node.span.end as u64).into_deserializer()),
            _ => seed.deserialize(NodeDe(self.node)),
        }
    }
}

struct EnumDe<'a>(&'a Entry);

impl<'de> de::EnumAccess<'de> for EnumDe<'de> {
    type Error = DeError;
    type Variant = NodeDe<'de>;
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, NodeDe<'de>), DeError> {
        let key: de::value::BorrowedStrDeserializer<'de, DeError> =
            de::value::BorrowedStrDeserializer::new(&self.0.key);
        let v = locate(seed.deserialize(key), self.0.key_span)?;
        Ok((v, NodeDe(&self.0.value)))
    }
}

impl<'de> de::VariantAccess<'de> for NodeDe<'de> {
    type Error = DeError;
    fn unit_variant(self) -> Result<(), DeError> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(self, v)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(self, v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::yaml::parse;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct T {
        name: Sp<String>,
        n: Option<u32>,
    }

    #[test]
    fn spans_reach_fields() {
        let text = "name: 华东\nn: 3\n";
        let root = parse(text).root.unwrap();
        let t: T = from_node(&root).unwrap();
        assert_eq!(&text[t.name.span.start..t.name.span.end], "华东");
        assert_eq!(t.n, Some(3));
    }

    #[test]
    fn errors_carry_the_span_of_the_bad_value() {
        let text = "name: x\nn: many\n";
        let root = parse(text).root.unwrap();
        let e = from_node::<T>(&root).unwrap_err();
        let s = e.span.unwrap();
        assert_eq!(&text[s.start..s.end], "many");
    }

    #[test]
    fn unknown_fields_suggest() {
        let text = "nmae: x\n";
        let root = parse(text).root.unwrap();
        let e = from_node::<T>(&root).unwrap_err();
        assert_eq!(e.help.as_deref(), Some("did you mean `name`?"));
        let s = e.span.unwrap();
        assert_eq!(&text[s.start..s.end], "nmae");
    }
}
