//! A potential driver, evaluated exactly: `120家 × 800床 × 5%`, `(3000 + 1200) * 1.5`.
//!
//! Numbers with an optional unit; `%` divides by 100, a money unit counts in 元
//! (`3亿元` is 300 000 000), any other unit (`家`, `床`, `名`) is a label. Operators
//! `+ - × ÷ * /` and parentheses, the usual precedence. Every step is `Decimal`
//! arithmetic, checked: an overflow or a division by zero is an error, never a guess.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::model::MoneyUnit;

/// Why a driver cannot be evaluated, with the character offset in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExprError {
    pub offset: usize,
    pub kind: ExprErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExprErrorKind {
    /// Something that is not a number, operator or parenthesis.
    Unexpected(String),
    /// The text ends where a number or `(` should come.
    MissingOperand,
    /// A `(` without its `)`.
    Unclosed,
    DivisionByZero,
    Overflow,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(Decimal),
    /// A unit written after `)`: `(80 + 20)家` (a label: factor 1), `(a + b)%`.
    Unit(Decimal),
    Op(char),
    Open,
    Close,
}

fn is_op(c: char) -> bool {
    matches!(
        c,
        '+' | '-' | '*' | '/' | '×' | '÷' | 'x' | 'X' | '（' | '）' | '(' | ')'
    )
}

/// The unit written at `i` (every character up to the next operator, space or digit):
/// its factor (`%` is 1/100, a money unit its 元, any other word a label: 1) and where it
/// ends.
fn unit(chars: &[char], mut i: usize) -> Result<(Decimal, usize), ExprError> {
    let ustart = i;
    while i < chars.len()
        && !is_op(chars[i])
        && !chars[i].is_whitespace()
        && !chars[i].is_ascii_digit()
    {
        i += 1;
    }
    let unit: String = chars[ustart..i].iter().collect();
    let factor = if unit == "%" {
        Decimal::new(1, 2)
    } else if let Some(m) = MoneyUnit::parse(&unit) {
        m.factor()
    } else if unit.starts_with('%') || unit.contains('.') {
        return Err(ExprError {
            offset: ustart,
            kind: ExprErrorKind::Unexpected(unit),
        });
    } else {
        Decimal::ONE
    };
    Ok((factor, i))
}

fn lex(text: &str) -> Result<Vec<(usize, Tok)>, ExprError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() || c == '.' {
            while i < chars.len()
                && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',')
            {
                i += 1;
            }
            let num: String = chars[start..i].iter().filter(|c| **c != ',').collect();
            let value = Decimal::from_str(&num).map_err(|_| ExprError {
                offset: start,
                kind: ExprErrorKind::Unexpected(num.clone()),
            })?;
            let (factor, next) = unit(&chars, i)?;
            i = next;
            let value = value.checked_mul(factor).ok_or(ExprError {
                offset: start,
                kind: ExprErrorKind::Overflow,
            })?;
            out.push((start, Tok::Num(value)));
            continue;
        }
        if c == ')' || c == '）' {
            out.push((start, Tok::Close));
            let (factor, next) = unit(&chars, i + 1)?;
            if next > i + 1 {
                out.push((i + 1, Tok::Unit(factor)));
            }
            i = next;
            continue;
        }
        let tok = match c {
            '+' | '-' => Tok::Op(c),
            '*' | '×' | 'x' | 'X' => Tok::Op('*'),
            '/' | '÷' => Tok::Op('/'),
            '(' | '（' => Tok::Open,
            _ => {
                let word: String = chars[i..]
                    .iter()
                    .take_while(|c| !c.is_whitespace() && !is_op(**c))
                    .collect();
                let word = if word.is_empty() { c.to_string() } else { word };
                return Err(ExprError {
                    offset: start,
                    kind: ExprErrorKind::Unexpected(word),
                });
            }
        };
        out.push((start, tok));
        i += 1;
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(_, t)| t)
    }
    fn offset(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |(o, _)| *o)
    }
    fn err(&self, kind: ExprErrorKind) -> ExprError {
        ExprError {
            offset: self.offset(),
            kind,
        }
    }
    fn sum(&mut self) -> Result<Decimal, ExprError> {
        let mut v = self.product()?;
        while let Some(Tok::Op(op @ ('+' | '-'))) = self.peek().cloned() {
            self.pos += 1;
            let at = self.offset();
            let r = self.product()?;
            let x = if op == '+' {
                v.checked_add(r)
            } else {
                v.checked_sub(r)
            };
            v = x.ok_or(ExprError {
                offset: at,
                kind: ExprErrorKind::Overflow,
            })?;
        }
        Ok(v)
    }
    fn product(&mut self) -> Result<Decimal, ExprError> {
        let mut v = self.atom()?;
        while let Some(Tok::Op(op @ ('*' | '/'))) = self.peek().cloned() {
            self.pos += 1;
            let at = self.offset();
            let r = self.atom()?;
            v = if op == '*' {
                v.checked_mul(r).ok_or(ExprError {
                    offset: at,
                    kind: ExprErrorKind::Overflow,
                })?
            } else if r.is_zero() {
                return Err(ExprError {
                    offset: at,
                    kind: ExprErrorKind::DivisionByZero,
                });
            } else {
                v.checked_div(r).ok_or(ExprError {
                    offset: at,
                    kind: ExprErrorKind::Overflow,
                })?
            };
        }
        Ok(v)
    }
    fn atom(&mut self) -> Result<Decimal, ExprError> {
        match self.peek().cloned() {
            Some(Tok::Num(n)) => {
                self.pos += 1;
                Ok(n)
            }
            Some(Tok::Op('-')) => {
                self.pos += 1;
                Ok(-self.atom()?)
            }
            Some(Tok::Open) => {
                self.pos += 1;
                let v = self.sum()?;
                if self.peek() != Some(&Tok::Close) {
                    return Err(self.err(ExprErrorKind::Unclosed));
                }
                self.pos += 1;
                if let Some(Tok::Unit(f)) = self.peek().cloned() {
                    self.pos += 1;
                    return v.checked_mul(f).ok_or(self.err(ExprErrorKind::Overflow));
                }
                Ok(v)
            }
            Some(Tok::Op(c)) => Err(self.err(ExprErrorKind::Unexpected(c.to_string()))),
            Some(Tok::Close) => Err(self.err(ExprErrorKind::Unexpected(")".into()))),
            Some(Tok::Unit(_)) => Err(self.err(ExprErrorKind::Unexpected("%".into()))),
            None => Err(self.err(ExprErrorKind::MissingOperand)),
        }
    }
}

/// Evaluates a driver exactly.
pub fn eval(text: &str) -> Result<Decimal, ExprError> {
    let toks = lex(text)?;
    let mut p = Parser {
        toks,
        pos: 0,
        end: text.chars().count(),
    };
    let v = p.sum()?;
    if p.pos < p.toks.len() {
        let t = match p.peek() {
            Some(Tok::Close) => ")".to_owned(),
            Some(Tok::Num(n)) => n.to_string(),
            Some(Tok::Op(c)) => c.to_string(),
            _ => "(".to_owned(),
        };
        return Err(p.err(ExprErrorKind::Unexpected(t)));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn drivers_evaluate_exactly() {
        assert_eq!(eval("120家 × 800床 × 5%").unwrap(), d("4800"));
        assert_eq!(eval("(3000 + 1200) * 1.5").unwrap(), d("6300"));
        assert_eq!(eval("2 + 3 * 4").unwrap(), d("14"));
        assert_eq!(eval("1.2亿元 / 4").unwrap(), d("30000000"));
        assert_eq!(eval("1,200").unwrap(), d("1200"));
        assert_eq!(eval("0.1 + 0.2").unwrap(), d("0.3"));
        assert_eq!(eval("(80 + 20)家 × 600床 × 5%").unwrap(), d("3000"));
        assert_eq!(eval("2 / (4)%").unwrap(), d("50"));
        assert_eq!(eval("(1 + 1)亿元").unwrap(), d("200000000"));
    }

    #[test]
    fn errors_say_where() {
        let e = eval("120家 × 床").unwrap_err();
        assert_eq!(e.offset, 7);
        assert!(matches!(e.kind, ExprErrorKind::Unexpected(ref w) if w == "床"));
        assert_eq!(
            eval("1 / 0").unwrap_err().kind,
            ExprErrorKind::DivisionByZero
        );
        assert_eq!(eval("(1 + 2").unwrap_err().kind, ExprErrorKind::Unclosed);
        assert_eq!(eval("1 +").unwrap_err().kind, ExprErrorKind::MissingOperand);
        assert_eq!(eval("1 2").unwrap_err().offset, 2);
        assert_eq!(
            eval("99999999999999999999 * 99999999999999999999")
                .unwrap_err()
                .kind,
            ExprErrorKind::Overflow
        );
    }
}
