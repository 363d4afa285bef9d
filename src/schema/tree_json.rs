//! Lets the `jsonschema` validator read the YAML [`Node`] tree in place, so a plan is
//! not copied into a `serde_json::Value` before validation (that copy cost about a sixth
//! of `planc check`'s time). The `Value` is built only on cold paths: error messages and
//! `enum`/`const` comparisons of non-string values.

use std::borrow::Cow;

use jsonschema::json::{Array, Json, JsonNumber, Node as JNode, NodeIdentity, Object};
use jsonschema::JsonType;
use serde_json::Value as J;

use crate::source::yaml::{Entry, Node, Value};

/// The YAML tree as a JSON representation for `jsonschema`.
pub struct TreeJson;

impl Json for TreeJson {
    type Node<'a> = &'a Node;
    type PreparedKey = String;
    type StringBuffer = Node;
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(buffer: &mut Node, string: &str, f: impl FnOnce(&Node) -> T) -> T {
        buffer.value = Value::String(string.to_owned());
        f(buffer)
    }
}

/// A numeral as written.
pub struct TreeNumber<'a>(&'a str);

impl JsonNumber for TreeNumber<'_> {
    fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }
    fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }
    fn as_f64(&self) -> Option<f64> {
        self.0.parse().ok()
    }
    fn as_str(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.0)
    }
    fn to_number(&self) -> Cow<'_, serde_json::Number> {
        let n = if let Some(u) = self.as_u64() {
            serde_json::Number::from(u)
        } else if let Some(i) = self.as_i64() {
            serde_json::Number::from(i)
        } else {
            self.as_f64()
                .and_then(serde_json::Number::from_f64)
                .unwrap_or_else(|| serde_json::Number::from(0))
        };
        Cow::Owned(n)
    }
}

impl<'a> JNode<'a, TreeJson> for &'a Node {
    type Object = &'a [Entry];
    type Array = &'a [Node];
    type Number = TreeNumber<'a>;

    fn as_object(&self) -> Option<&'a [Entry]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }
    fn as_array(&self) -> Option<&'a [Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }
    fn as_string(&self) -> Option<Cow<'a, str>> {
        match &self.value {
            Value::String(s) => Some(Cow::Borrowed(s)),
            _ => None,
        }
    }
    fn as_number(&self) -> Option<TreeNumber<'a>> {
        match &self.value {
            Value::Number(n) => Some(TreeNumber(n)),
            _ => None,
        }
    }
    fn as_boolean(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
    fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }
    fn json_type(&self) -> JsonType {
        match &self.value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Seq(_) => JsonType::Array,
            Value::Map(_) => JsonType::Object,
        }
    }
    fn equals_value(&self, expected: &J) -> bool {
        // The hot case: `enum`/`const` of strings (kind, status, frequency …).
        match (&self.value, expected) {
            (Value::String(s), J::String(e)) => s == e,
            (Value::String(_), _) | (_, J::String(_)) => false,
            _ => jsonschema::json::cmp::equal(&self.to_json(), expected),
        }
    }
    fn to_value(&self) -> Cow<'a, J> {
        Cow::Owned(self.to_json())
    }
    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(std::ptr::from_ref::<Node>(*self) as usize))
    }
}

pub struct Members<'a>(std::slice::Iter<'a, Entry>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, &'a Node);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|e| (e.key.as_str(), &e.value))
    }
}

impl<'a> Object<'a, TreeJson> for &'a [Entry] {
    type Node = &'a Node;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        <[Entry]>::len(self)
    }
    fn get(&self, key: &String) -> Option<&'a Node> {
        self.iter().find(|e| &e.key == key).map(|e| &e.value)
    }
    fn members(&self) -> Members<'a> {
        Members(self.iter())
    }
}

impl<'a> Array<'a, TreeJson> for &'a [Node] {
    type Node = &'a Node;
    type ElementsIter = std::slice::Iter<'a, Node>;

    fn len(&self) -> usize {
        <[Node]>::len(self)
    }
    fn elements(&self) -> std::slice::Iter<'a, Node> {
        self.iter()
    }
}
