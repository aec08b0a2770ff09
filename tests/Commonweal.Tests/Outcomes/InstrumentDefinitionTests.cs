using System.Globalization;
using Commonweal.Outcomes;
using Commonweal.Outcomes.Analysis;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Outcomes;

public sealed class InstrumentDefinitionTests
{
    private static InstrumentDefinition Ons4 => InstrumentCatalogue.BuiltIn.Single(d => d.Id == "ons4");

    private static InstrumentDefinition Swemwbs => InstrumentCatalogue.BuiltIn.Single(d => d.Id == "swemwbs");

    [Fact]
    public void Ons4_IsFourSeparateScales_WithTheOnsBands_AndAnxietyLowerIsBetter()
    {
        Assert.Equal(["life_satisfaction", "worthwhile", "happiness", "anxiety"], Ons4.Scales.Select(s => s.Id));
        Assert.All(Ons4.Scales, s => Assert.Equal(ScoringRule.Separate, s.Scoring));
        Assert.All(Ons4.Items, i => Assert.Equal((0, 10), (i.Min, i.Max)));
        Assert.False(Ons4.RequiresLicence);
        var life = Ons4.Scale("life_satisfaction")!;
        Assert.Equal(["Low", "Low", "Medium", "Medium", "High", "High", "Very high"], new[] { 0, 4, 5, 6, 7, 8, 9 }.Select(v => life.Band(v)));
        Assert.Equal("Very high", life.Band(10));
        var anxiety = Ons4.Scale("anxiety")!;
        Assert.Equal(Direction.LowerIsBetter, anxiety.Direction);
        Assert.Equal(["Very low", "Very low", "Low", "Low", "Medium", "Medium", "High", "High"], new[] { 0, 1, 2, 3, 4, 5, 6, 10 }.Select(v => anxiety.Band(v)));
    }

    [Fact]
    public void Ons4_ScoresEachItemOnItsOwn_NeverSummed()
    {
        var (scores, validation) = InstrumentScoring.Score(Ons4, new Dictionary<string, int?> { ["life_satisfaction"] = 7, ["worthwhile"] = 8, ["happiness"] = 6, ["anxiety"] = 3 });
        Assert.True(validation.IsValid);
        Assert.Equal(new Dictionary<string, double> { ["life_satisfaction"] = 7, ["worthwhile"] = 8, ["happiness"] = 6, ["anxiety"] = 3 }, scores);
    }

    [Fact]
    public void Swemwbs_SumsThenConverts_NeedsALicence_AndMeaningfulChangeIsThreeMetricPoints()
    {
        Assert.True(Swemwbs.RequiresLicence);
        var scale = Assert.Single(Swemwbs.Scales);
        Assert.Equal(3, scale.MeaningfulChange);
        Assert.Equal(7, Swemwbs.Items.Count);
        var answers = Swemwbs.Items.ToDictionary(i => i.Id, i => (int?)3);
        Assert.Equal(19.25, InstrumentScoring.Score(Swemwbs, answers).Scores!["wellbeing"]);
        answers = Swemwbs.Items.ToDictionary(i => i.Id, i => (int?)5);
        Assert.Equal(35.00, InstrumentScoring.Score(Swemwbs, answers).Scores!["wellbeing"]);
    }

    [Fact]
    public void Swemwbs_ShippedConversionTable_EqualsThePublishedTable_RowByRow()
    {
        var lines = File.ReadAllLines(Fixtures.PathOf("outcomes/swemwbs-raw-to-metric.csv")).Skip(1).Where(l => l.Length > 0).ToList();
        var shipped = Swemwbs.Scales[0].Conversion!;
        Assert.Equal(lines.Count, shipped.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split(',');
            Assert.Equal(int.Parse(parts[0], CultureInfo.InvariantCulture), shipped[i].Raw);
            Assert.Equal(double.Parse(parts[1], CultureInfo.InvariantCulture), shipped[i].Score);
        }
    }

    [Fact]
    public void Scoring_RefusesMissingAndOutOfRangeAnswers_NamingTheItem()
    {
        var (scores, validation) = InstrumentScoring.Score(Ons4, new Dictionary<string, int?> { ["life_satisfaction"] = 11, ["worthwhile"] = 8, ["anxiety"] = -1 });
        Assert.Null(scores);
        var errors = validation.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Contains("from 0 to 10", errors["answers.life_satisfaction"]);
        Assert.Contains("11 is not allowed", errors["answers.life_satisfaction"]);
        Assert.Contains("has no answer", errors["answers.happiness"]);
        Assert.Contains("happy", errors["answers.happiness"]);
        Assert.True(errors.ContainsKey("answers.anxiety"));
        Assert.False(errors.ContainsKey("answers.worthwhile"));
        var swemwbs = InstrumentScoring.Score(Swemwbs, Swemwbs.Items.ToDictionary(i => i.Id, i => (int?)(i.Id == "relaxed" ? 0 : 3)));
        Assert.Contains("None of the time", Assert.Single(swemwbs.Validation.Errors).ErrorMessage);
    }

    private const string Valid = """
        {"id":"goals","name":"Goal attainment","version":"1","items":[{"id":"a","text":"Goal one","min":0,"max":4},{"id":"b","text":"Goal two","min":0,"max":4}],
         "scales":[{"id":"total","name":"Total","items":["a","b"],"scoring":"sum","direction":"higher-is-better","meaningfulChange":2}]}
        """;

    [Theory]
    [InlineData("""{"id":"x","name":"X","version":"1","items":[{"id":"a","text":"A","min":1,"max":5}],"scales":[{"id":"s","name":"S","items":["a","b"],"scoring":"sum","direction":"higher-is-better","meaningfulChange":1}]}""", "$.scales[0].items[1]")]
    [InlineData("""{"id":"x","name":"X","version":"1","items":[{"id":"a","text":"A","min":1,"max":5},{"id":"b","text":"B","min":1,"max":5}],"scales":[{"id":"s","name":"S","items":["a","b"],"scoring":"separate","direction":"higher-is-better","meaningfulChange":1}]}""", "$.scales[0].items")]
    [InlineData("""{"id":"x","name":"X","version":"1","items":[{"id":"a","text":"A","min":1,"max":3}],"scales":[{"id":"s","name":"S","items":["a"],"scoring":"sum-then-convert","conversion":[{"raw":1,"score":10},{"raw":2,"score":20}],"direction":"higher-is-better","meaningfulChange":1}]}""", "$.scales[0].conversion")]
    [InlineData("""{"id":"x","name":"X","version":"1","items":[{"id":"a","text":"A","min":1,"max":5}],"scales":[{"id":"s","name":"S","items":["a"],"scoring":"average","direction":"higher-is-better","meaningfulChange":1}]}""", "$.scales[0].scoring")]
    [InlineData("""{"id":"x","name":"X","version":"1","items":[{"id":"a","text":"A","min":"one","max":5}],"scales":[]}""", "$.items[0].min")]
    [InlineData("""{"id":"x","name":"X","version":"1","items":[{"id":"a","text":"A","min":1,"max":5,"colour":"red"}],"scales":[]}""", "$.items[0].colour")]
    [InlineData("""{"id":"X Y","name":"X","version":"1","items":[{"id":"a","text":"A","min":1,"max":5}],"scales":[{"id":"s","name":"S","items":["a"],"scoring":"sum","direction":"higher-is-better","meaningfulChange":0}]}""", "$.id")]
    [InlineData("""{"id":"x","name":"X","version":"1","requiresLicence":true,"items":[{"id":"a","text":"A","min":5,"max":1}],"scales":[{"id":"s","name":"S","items":["a"],"scoring":"sum","direction":"higher-is-better","meaningfulChange":1}]}""", "$.items[0].max")]
    public void Definition_WithAFault_IsRefused_NamingTheJsonPath(string json, string path)
    {
        var parsed = InstrumentDefinitions.Parse(json);
        Assert.False(parsed.IsValid);
        Assert.Contains(parsed.Errors, e => e.Path == path);
    }

    [Fact]
    public void Definition_CheckedAndSerialised_ReadsBackTheSame()
    {
        var parsed = InstrumentDefinitions.Parse(Valid);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var again = InstrumentDefinitions.Parse(InstrumentDefinitions.Serialise(parsed.Definition!));
        Assert.True(again.IsValid);
        Assert.Equal(ScoringRule.Sum, again.Definition!.Scales[0].Scoring);
        Assert.Equal(6, InstrumentScoring.Score(again.Definition, new Dictionary<string, int?> { ["a"] = 2, ["b"] = 4 }).Scores!["total"]);
    }
}
