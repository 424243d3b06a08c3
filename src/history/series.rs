//! One pharmacy's counts of one product over a day, as changes only and
//! packed: each change is the polls since the one before and the count's
//! difference, as LEB128 varints (the difference zigzagged, as protocol
//! buffers do). A sale of a few masks a minute apart is two bytes.

/// A count as kept: its poll (0-based, of the day) and the count, or
/// [`ABSENT`] when the pharmacy was not in the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Point {
    pub poll: u16,
    pub count: u16,
}

/// The count of a pharmacy the poll's feed left out: a gap, not a zero.
pub(super) const ABSENT: u16 = u16::MAX;

#[derive(Debug, Default)]
pub(super) struct Series {
    bytes: Vec<u8>,
    /// The last point, to compare a new count with and to encode after it.
    last: Option<Point>,
    /// The last count that was not [`ABSENT`] (0 before any): differences
    /// are taken from it.
    known: u16,
}

impl Series {
    pub fn is_empty(&self) -> bool {
        self.last.is_none()
    }

    /// The last point's count ([`ABSENT`] for a gap).
    pub fn last_count(&self) -> Option<u16> {
        self.last.map(|p| p.count)
    }

    /// Keeps `count` at `poll` (a later poll than the last), if it changed.
    /// True when it did.
    pub fn push(&mut self, poll: u16, count: u16) -> bool {
        if self.last_count() == Some(count) {
            return false;
        }
        let after = self.last.map_or(0, |p| p.poll);
        let gap = u32::from(count == ABSENT);
        put_varint(&mut self.bytes, (u32::from(poll - after) << 1) | gap);
        if count != ABSENT {
            let difference = i32::from(count) - i32::from(self.known);
            put_varint(&mut self.bytes, zigzag(difference));
            self.known = count;
        }
        self.last = Some(Point { poll, count });
        true
    }

    /// Every point, in order.
    pub fn points(&self) -> Vec<Point> {
        let mut points = Vec::new();
        let (mut at, mut poll, mut known) = (0, 0u16, 0i32);
        while at < self.bytes.len() {
            let head = take_varint(&self.bytes, &mut at);
            poll += (head >> 1) as u16;
            let count = if head & 1 == 1 {
                ABSENT
            } else {
                known += unzigzag(take_varint(&self.bytes, &mut at));
                known as u16
            };
            points.push(Point { poll, count });
        }
        points
    }

    /// The bytes it holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
    }
}

fn zigzag(n: i32) -> u32 {
    ((n << 1) ^ (n >> 31)) as u32
}

fn unzigzag(n: u32) -> i32 {
    (n >> 1) as i32 ^ -((n & 1) as i32)
}

fn put_varint(bytes: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        bytes.push((n as u8) | 0x80);
        n >>= 7;
    }
    bytes.push(n as u8);
}

fn take_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let (mut n, mut shift) = (0u32, 0);
    while let Some(&byte) = bytes.get(*at) {
        *at += 1;
        n |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            break;
        }
        shift += 7;
    }
    n
}
