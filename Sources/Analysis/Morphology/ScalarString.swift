extension String {
    /// A string from Unicode scalars, UTF-8-encoded straight into the string's storage: much cheaper than
    /// `String(String.UnicodeScalarView(scalars))`, which appends scalar by scalar (this runs for every stem
    /// lookup and lemma on the analyser's cold path).
    init<C: Collection<Unicode.Scalar>>(morphologyScalars scalars: C) {
        // Exact size: cached lemmas keep their storage, so no slack.
        let capacity = scalars.reduce(0) { $0 + UTF8.width($1) }
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var written = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[written] = byte
                    written += 1
                }
            }
            return written
        }
    }
}
