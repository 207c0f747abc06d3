import JSON
import Foundation
import JSONRPC
import Testing

private func parse(_ text: String) throws -> JSONValue {
    try JSONValue(parsing: Array(text.utf8))
}

private struct Position: Codable, Equatable {
    var line: Int
    var character: Int
}

private struct Params: Codable, Equatable {
    var uri: String
    var position: Position
    var context: [String: Bool]?
    var ratio: Double
}

@Suite struct JSONValueTests {
    @Test func parsesEveryKind() throws {
        let value = try parse(#" {"a": [1, -2.5, true, false, null, "x"], "b": {"c": 1e3}, "d": ""} "#)
        #expect(value == ["a": [1, -2.5, true, false, nil, "x"], "b": ["c": 1000], "d": ""])
        #expect(value["a"]?[1]?.doubleValue == -2.5)
        #expect(value["a"]?[0]?.intValue == 1)
        #expect(value["b"]?["c"]?.intValue == 1000)
        #expect(value["a"]?[9] == nil)
        #expect(value["missing"] == nil)
    }

    @Test func keepsLargeIntegersExact() throws {
        let value = try parse("[9007199254740993, -9223372036854775808, 9223372036854775807]")
        #expect(value == .array([.int(9_007_199_254_740_993), .int(Int.min), .int(Int.max)]))
        // Beyond Int the number survives as a Double.
        #expect(try parse("18446744073709551616") == .number(18_446_744_073_709_551_616))
    }

    @Test func intAndEqualDoubleAreTheSameValue() {
        #expect(JSONValue.int(3) == .number(3.0))
        #expect(Set<JSONValue>([.int(3), .number(3.0), .number(3.5)]).count == 2)
        #expect(JSONValue.int(9_007_199_254_740_993) != .number(9_007_199_254_740_992))
    }

    @Test func decodesEscapesAndUnicode() throws {
        let value = try parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00\u4e2d""#)
        #expect(value == .string("a\"b\\c/d\u{8}\u{c}\n\r\té😀中"))
        // A lone surrogate becomes U+FFFD rather than an error.
        #expect(try parse(#""x\ud800y""#) == .string("x\u{FFFD}y"))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\"}", "{\"a\":1,}", "tru", "01", "1.", "-", "1e", "\"abc",
                      "\"\u{01}\"", "[1 2]", "{\"a\":1}}", "nul", "\"\\x\"", "\"\\u12G4\"", "1e999", "[]]"])
    func rejectsInvalidJSON(text: String) {
        #expect(throws: JSONParseError.self) { try parse(text) }
    }

    @Test func rejectsExcessiveNestingWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try parse(deep) }
        let allowed = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(try parse(allowed).arrayValue?.count == 1)
    }

    @Test func serializationRoundTrips() throws {
        let values: [JSONValue] = [
            nil, true, 0, -1, .int(Int.max), 0.1, -2.5e-8, 1e300, "", "quote\" backslash\\ newline\n tab\t nul\u{0} 😀",
            [], [:], ["nested": [[1, 2], ["k": nil]], "z": "last", "a": "first"],
        ]
        for value in values {
            let text = value.serializedBytes()
            #expect(try JSONValue(parsing: text) == value, "\(value)")
            // Foundation agrees that it is JSON.
            #expect((try? JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed])) != nil)
        }
    }

    @Test func serializationIsCompactWithSortedKeys() {
        let value: JSONValue = ["b": 1, "a": [true, nil], "c": "é"]
        #expect(value.description == #"{"a":[true,null],"b":1,"c":"é"}"#)
        #expect(JSONValue.number(.nan).description == "null")
    }

    @Test func encodesAndDecodesCodableTypes() throws {
        let params = Params(uri: "file:///a.py", position: Position(line: 3, character: 7), context: ["only": true], ratio: 0.5)
        let value = try JSONValue(encoding: params)
        #expect(value["position"]?["line"] == 3)
        #expect(value["uri"] == "file:///a.py")
        #expect(try value.decode(Params.self) == params)
        #expect(try value.decode() as Params == params)
    }

    @Test func decodingAWrongShapeThrows() throws {
        let value: JSONValue = ["uri": 5, "position": ["line": 1, "character": 2], "ratio": 1]
        #expect(throws: DecodingError.self) { try value.decode(Params.self) }
    }

    @Test func isItselfCodableInsideOtherTypes() throws {
        struct Wrapper: Codable, Equatable {
            var payload: JSONValue
            var id: RequestID
        }
        let wrapper = Wrapper(payload: ["list": [1, "two", 3.5, nil, ["deep": false]]], id: "dw-1")
        let data = try JSONEncoder().encode(wrapper)
        #expect(try JSONDecoder().decode(Wrapper.self, from: data) == wrapper)
        #expect(try JSONValue(encoding: wrapper).decode(Wrapper.self) == wrapper)
    }

    @Test func requestIDsRoundTrip() throws {
        for id: RequestID in [7, "dw-3", .int(-1), .string("")] {
            #expect(RequestID(id.jsonValue) == id)
            #expect(try JSONValue(encoding: id).decode(RequestID.self) == id)
        }
        #expect(RequestID(.number(1.5)) == nil)
        #expect(RequestID(.null) == nil)
        #expect(RequestID(7).description != RequestID("7").description)
    }

    @Test func jsonRPCErrorsHaveTheStandardCodes() {
        #expect(JSONRPCError.parseError().code == -32700)
        #expect(JSONRPCError.invalidRequest().code == -32600)
        #expect(JSONRPCError.methodNotFound("x/y").code == -32601)
        #expect(JSONRPCError.methodNotFound("x/y").message.contains("x/y"))
        #expect(JSONRPCError.invalidParams("p").code == -32602)
        #expect(JSONRPCError.internalError("i").code == -32603)
        #expect(JSONRPCError.serverNotInitialized().code == -32002)
        #expect(JSONRPCError.requestCancelled().code == -32800)
        #expect(JSONRPCError.contentModified().code == -32801)
        #expect(JSONRPCError.requestFailed("model down").code == -32803)
    }
}
