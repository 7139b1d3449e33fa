import LSTMCore

extension Lesson {
  /// The StatQuest stock example: the lesson lstmviz opens with when given none.
  ///
  /// The weights are those shown in StatQuest's "Long Short-Term Memory (LSTM), Clearly
  /// Explained". It is read from `statQuestJSON`, through the same loader as every lesson file.
  public static let statQuest: Lesson = {
    do {
      return try Lesson.decode(json: Array(statQuestJSON.utf8), file: "built-in StatQuest lesson")
    } catch {
      preconditionFailure("the built-in StatQuest lesson does not load: \(error)")
    }
  }()

  /// The text of `Samples/statquest.json`, compiled in so that the default lesson works from any
  /// directory. A test checks that the two are identical.
  public static let statQuestJSON = """
    {
     "title": "StatQuest stock example (weights as shown in the video)",
     "model": {
      "forget": {
       "stmWeight": 2.7,
       "inputWeight": 1.63,
       "bias": 1.62
      },
      "input": {
       "stmWeight": 2.0,
       "inputWeight": 1.65,
       "bias": 0.62
      },
      "candidate": {
       "stmWeight": 1.41,
       "inputWeight": 0.94,
       "bias": -0.32
      },
      "output": {
       "stmWeight": 4.38,
       "inputWeight": -0.19,
       "bias": 0.59
      }
     },
     "sequences": [
      {
       "name": "Company A",
       "values": [
        0,
        0.5,
        0.25,
        1
       ],
       "target": 0
      },
      {
       "name": "Company B",
       "values": [
        1,
        0.5,
        0.25,
        1
       ],
       "target": 1
      }
     ],
     "description": "Two companies' stock prices over four days. The cell should predict day 5: 0 for Company A, 1 for Company B.",
     "rnn": {
      "stmWeight": 1.89,
      "inputWeight": 2.29,
      "bias": -0.7
     }
    }

    """
}
