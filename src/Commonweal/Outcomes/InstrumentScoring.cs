using FluentValidation.Results;

namespace Commonweal.Outcomes;

/// <summary>Scores a set of answers by an instrument's definition, refusing missing and out-of-range answers by item.</summary>
public static class InstrumentScoring
{
    /// <summary>The field errors are keyed "answers.&lt;item id&gt;", as a client sends them.</summary>
    public static string Field(string itemId) => $"answers.{itemId}";

    public static (IReadOnlyDictionary<string, double>? Scores, ValidationResult Validation) Score(InstrumentDefinition definition, IReadOnlyDictionary<string, int?>? answers)
    {
        answers ??= new Dictionary<string, int?>();
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < definition.Items.Count; i++)
        {
            var item = definition.Items[i];
            var number = $"Question {i + 1}";
            if (!answers.TryGetValue(item.Id, out var value) || value is null)
            {
                failures.Add(new ValidationFailure(Field(item.Id), $"{number} (\"{item.Text}\") has no answer: select an answer"));
            }
            else if (!item.Allows(value.Value))
            {
                failures.Add(new ValidationFailure(Field(item.Id), $"{number} (\"{item.Text}\") must be answered with {item.DescribeRange()}; {value} is not allowed"));
            }
        }

        foreach (var unknown in answers.Keys.Where(k => definition.Item(k) is null))
        {
            failures.Add(new ValidationFailure(Field(unknown), $"{definition.Name} has no question \"{unknown}\""));
        }

        if (failures.Count > 0)
        {
            return (null, new ValidationResult(failures));
        }

        var scores = definition.Scales.ToDictionary(s => s.Id, s => ScaleScore(s, answers));
        return (scores, new ValidationResult());
    }

    public static double ScaleScore(InstrumentScale scale, IReadOnlyDictionary<string, int?> answers)
    {
        var raw = scale.Items.Sum(i => answers[i]!.Value);
        return scale.Scoring switch
        {
            ScoringRule.SumThenConvert => scale.Conversion!.Single(c => c.Raw == raw).Score,
            _ => raw,
        };
    }
}
