import LSTMViewModel

/// How many terminal columns text takes, the same on every machine.
///
/// The C library's `wcwidth` depends on the locale (under the "C" locale it knows no wide
/// characters at all), and `render`, `trace` and recordings must lay out a frame the same way
/// wherever they run. These follow Unicode's East Asian Width (wide and fullwidth characters
/// take two columns) and emoji presentation, as terminals do.
extension Character {
  /// 2 for a wide character (CJK ideographs, kana, Hangul, fullwidth forms, emoji), 1 otherwise.
  ///
  /// The width is its first scalar's (combining marks and joiners take no column of their own),
  /// except that an emoji followed by the emoji variation selector, such as ⚠️ or ❤️, asks to be
  /// drawn as a picture, which terminals draw two columns wide.
  package var terminalColumns: Int {
    guard let first = unicodeScalars.first else { return 1 }
    if first.isWide || isEmojiAskedForAsAPicture { return 2 }
    return 1
  }

  /// Whether this is an emoji followed by U+FE0F, the variation selector that asks for its
  /// picture (⚠️ rather than ⚠).
  package var isEmojiAskedForAsAPicture: Bool {
    guard let first = unicodeScalars.first, unicodeScalars.contains(Self.emojiVariationSelector)
    else { return false }
    return first.properties.isEmoji
  }

  /// U+FE0F VARIATION SELECTOR-16, which asks for an emoji's picture.
  package static let emojiVariationSelector: Unicode.Scalar = "\u{FE0F}"
}

extension Unicode.Scalar {
  /// Whether this scalar takes two columns: East Asian Wide or Fullwidth, or an emoji shown as
  /// a picture by default.
  package var isWide: Bool {
    switch value {
    // Below U+1100, and in the blocks between the emoji of U+231A…U+2B55 and the CJK
    // blocks, no scalar is wide: no need to look up its emoji presentation.
    case 0..<0x1100, 0x1160..<0x231A, 0x2B56..<0x2E80: return false
    case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
      0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
      0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    // Flags are pairs of regional indicators, each one column in East Asian Width and in the
    // C library's tables; terminals differ on them.
    case 0x1F1E6...0x1F1FF: return false
    default: return properties.isEmojiPresentation
    }
  }
}

extension String {
  /// The number of terminal columns the text takes.
  ///
  /// The screen's own text (digits, Greek letters, arrows, box drawing) is one column a scalar,
  /// counted without grapheme breaking; other text is counted character by character.
  package var terminalColumns: Int {
    var count = 0
    for scalar in unicodeScalars {
      guard scalar.isCharacterOnItsOwn else {
        return reduce(0) { $0 + $1.terminalColumns }
      }
      count += 1
    }
    return count
  }

  /// The longest start of the text that fits in `columns` terminal columns.
  package func prefix(columns: Int) -> String {
    var used = 0
    var end = startIndex
    for index in indices {
      let width = self[index].terminalColumns
      guard used + width <= columns else { break }
      used += width
      end = self.index(after: index)
    }
    return String(self[..<end])
  }
}

extension Unicode.Scalar {
  /// Whether this scalar is always a whole character, never joined with the scalars around it.
  ///
  /// True in blocks that hold no combining marks, joiners, variation selectors, Hangul jamo or
  /// regional indicators, nor controls: printable ASCII, Latin-1, Greek, general punctuation,
  /// super- and subscripts, arrows, mathematical operators, box drawing, block elements and
  /// geometric shapes.
  package var isCharacterOnItsOwn: Bool {
    switch value {
    case 0x20...0x7E, 0xA0...0xFF: true
    case 0x370...0x3FF: true
    case 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x209F: true
    case 0x2190...0x22FF, 0x2500...0x25FC, 0x25FF: true
    default: false
    }
  }
}
