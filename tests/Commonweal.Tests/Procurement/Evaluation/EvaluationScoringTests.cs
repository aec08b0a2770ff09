using Commonweal.Procurement;
using Commonweal.Procurement.Evaluation;

namespace Commonweal.Tests.Procurement.Evaluation;

/// <summary>The published scoring rules with worked numbers: the price formula, weighted totals, ranking and ties.</summary>
public sealed class EvaluationScoringTests
{
    private static AwardCriterion Criterion(int order, string name, CriterionKind kind, decimal weight) =>
        new() { Id = Guid.NewGuid(), Order = order, Name = name, Kind = kind, Weight = weight };

    private static BidForRanking Bid(string bidder, decimal? price, Dictionary<AwardCriterion, int> scores, Guid? lot = null, int submittedMinute = 0) =>
        new(Guid.NewGuid(), lot, bidder, price, new DateTime(2027, 3, 1, 11, submittedMinute, 0, DateTimeKind.Utc),
            scores.ToDictionary(s => s.Key.Id, s => (s.Value, (string?)$"Reason for {s.Key.Name}")));

    [Theory]
    [InlineData(80_000, 80_000, 5)]
    [InlineData(80_000, 100_000, 4)]
    [InlineData(80_000, 160_000, 2.5)]
    [InlineData(812_500, 865_000, 4.6965317919075144508670520231)]
    public void PriceScore_IsLowestPriceOverThisPriceTimesFive(decimal lowest, decimal price, decimal expected)
    {
        Assert.Equal(expected, EvaluationScoring.PriceScore(lowest, price), 10);
    }

    [Fact]
    public void PriceScore_WithoutAPrice_IsZero()
    {
        Assert.Equal(0m, EvaluationScoring.PriceScore(80_000, null));
        Assert.Equal(0m, EvaluationScoring.PriceScore(80_000, 0));
    }

    [Fact]
    public void Rank_WorkedExample_WeightsEachScoreOverFiveAndSums()
    {
        // Quality 40%, price 30%, social value 30%.
        var quality = Criterion(1, "Quality", CriterionKind.QualityAndInnovation, 40m);
        var price = Criterion(2, "Price", CriterionKind.Value, 30m);
        var social = Criterion(3, "Social value", CriterionKind.SocialValue, 30m);
        // A: £100,000, quality 4, social 3 → 4/5×40 = 32, 3/5×30 = 18, price 80,000/100,000×5 = 4 → 4/5×30 = 24; total 74.
        var a = Bid("A", 100_000m, new() { [quality] = 4, [social] = 3 });
        // B: £80,000 (lowest), quality 3, social 4 → 24 + 24 + price 5 → 30; total 78.
        var b = Bid("B", 80_000m, new() { [quality] = 3, [social] = 4 });

        var ranked = EvaluationScoring.Rank([a, b], [quality, price, social]);

        var first = ranked.Single(r => r.Rank == 1);
        var second = ranked.Single(r => r.Rank == 2);
        Assert.Equal("B", first.Bid.Bidder);
        Assert.Equal(78m, first.Total);
        Assert.Equal(48m, first.QualityTotal);
        Assert.Equal(30m, first.PriceTotal);
        Assert.Equal(74m, second.Total);
        Assert.Equal(50m, second.QualityTotal);
        Assert.Equal(24m, second.PriceTotal);
        var aPrice = second.Criteria.Single(c => c.IsPrice);
        Assert.Equal(4m, aPrice.Score);
        Assert.Equal(24m, aPrice.Weighted);
        Assert.Equal([32m, 24m, 18m], second.Criteria.Select(c => c.Weighted!.Value));
        Assert.All(ranked, r => Assert.True(r.Complete));
    }

    [Fact]
    public void Rank_EqualTotals_GoToTheHigherQualityScore()
    {
        var quality = Criterion(1, "Quality", CriterionKind.QualityAndInnovation, 50m);
        var price = Criterion(2, "Price", CriterionKind.Value, 50m);
        // Cheaper: price 5 → 50, quality 4 → 40: 90. Better: price 80,000/100,000×5 = 4 → 40, quality 5 → 50: 90.
        var cheaper = Bid("Cheaper", 80_000m, new() { [quality] = 4 }, submittedMinute: 0);
        var better = Bid("Better", 100_000m, new() { [quality] = 5 }, submittedMinute: 30);

        var ranked = EvaluationScoring.Rank([cheaper, better], [quality, price]);

        Assert.Equal(ranked[0].Total, ranked[1].Total);
        Assert.Equal(90m, ranked[0].Total);
        Assert.Equal("Better", ranked.Single(r => r.Rank == 1).Bid.Bidder);
    }

    [Fact]
    public void Rank_EqualTotalsAndQuality_GoToTheEarlierSubmission()
    {
        var quality = Criterion(1, "Quality", CriterionKind.QualityAndInnovation, 100m);
        var late = Bid("Late", null, new() { [quality] = 3 }, submittedMinute: 40);
        var early = Bid("Early", null, new() { [quality] = 3 }, submittedMinute: 5);

        var ranked = EvaluationScoring.Rank([late, early], [quality]);

        Assert.Equal("Early", ranked.Single(r => r.Rank == 1).Bid.Bidder);
    }

    [Fact]
    public void Rank_EachLotSeparately_WithItsOwnLowestPrice()
    {
        var quality = Criterion(1, "Quality", CriterionKind.QualityAndInnovation, 50m);
        var price = Criterion(2, "Price", CriterionKind.Value, 50m);
        Guid east = Guid.NewGuid(), west = Guid.NewGuid();
        var eastCheap = Bid("East cheap", 50_000m, new() { [quality] = 2 }, east);
        var eastDear = Bid("East dear", 100_000m, new() { [quality] = 5 }, east);
        var westOnly = Bid("West only", 400_000m, new() { [quality] = 1 }, west);

        var ranked = EvaluationScoring.Rank([eastCheap, eastDear, westOnly], [quality, price]);

        // West's only bid is its own lowest price: 5 → 50, however dear beside the east's bids.
        var west1 = Assert.Single(ranked, r => r.Bid.LotId == west);
        Assert.Equal(1, west1.Rank);
        Assert.Equal(60m, west1.Total);
        // East: cheap 20 + 50 = 70; dear 50 + 25 = 75.
        Assert.Equal("East dear", ranked.Single(r => r.Bid.LotId == east && r.Rank == 1).Bid.Bidder);
        Assert.Equal(70m, ranked.Single(r => r.Bid.Bidder == "East cheap").Total);
    }

    [Fact]
    public void Rank_MissingConsensusScore_IsIncomplete()
    {
        var quality = Criterion(1, "Quality", CriterionKind.QualityAndInnovation, 50m);
        var social = Criterion(2, "Social value", CriterionKind.SocialValue, 50m);
        var ranked = EvaluationScoring.Rank([Bid("A", 10m, new() { [quality] = 3 })], [quality, social]);

        Assert.False(Assert.Single(ranked).Complete);
        Assert.Null(ranked[0].Criteria.Single(c => c.Name == "Social value").Score);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void InRange_IsZeroToFive(int score, bool expected) => Assert.Equal(expected, EvaluationScoring.InRange(score));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void CommentRequired_ForTheExtremes(int score, bool expected) => Assert.Equal(expected, EvaluationScoring.CommentRequired(score));
}
