@testable import PostgresStore
import Testing

/// Reading the text form of the `tsvector`s the server cuts for ranking (`ts_filter(setweight(…))::text`).
@Suite struct TermVectorTextTests {
    @Test func positionsOfEveryLexemeWithWeightsDropped() {
        // As PostgreSQL 15 prints them: sorted lexemes, quotes and backslashes doubled, weight letters after positions.
        let positions = PostgresCollection.vectorPositions(#"'a\\b':2 'it''s':1B,3B 'алматы':4,17A 'қаласының':5"#)
        #expect(positions == ["a\\b": [2], "it's": [1, 3], "алматы": [4, 17], "қаласының": [5]])
    }

    @Test func emptyVectorAndLexemeWithoutPositions() {
        #expect(PostgresCollection.vectorPositions("").isEmpty)
        #expect(PostgresCollection.vectorPositions("'жыл'") == ["жыл": []])
    }
}
