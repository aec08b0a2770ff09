namespace Commonweal.Procurement.Evaluation;

/// <summary>A bid as ranking sees it: its lot, price, when it was submitted, and its consensus scores with reasons.</summary>
public sealed record BidForRanking(Guid BidId, Guid? LotId, string Bidder, decimal? Price, DateTime? SubmittedAt, IReadOnlyDictionary<Guid, (int Score, string? Reason)> Consensus);

/// <summary>One criterion of a ranked bid: the score out of 5 (null when not yet moderated) and the weighted score.</summary>
public sealed record CriterionResult(Guid CriterionId, string Name, bool IsPrice, decimal Weight, decimal? Score, decimal? Weighted, string? Reason);

/// <summary>A bid's place in its lot: rank 1 wins. Complete when every non-price criterion has a consensus score.</summary>
public sealed record RankedBid(BidForRanking Bid, int Rank, IReadOnlyList<CriterionResult> Criteria, decimal QualityTotal, decimal PriceTotal, decimal Total, bool Complete);

/// <summary>
/// The published scoring rules. Every criterion is scored 0 to 5. A criterion of the kind
/// <see cref="CriterionKind.Value"/> is the price criterion: scored by formula, lowest compliant
/// price ÷ this bid's price × 5 (so the lowest price in the lot gets 5), where compliant means a
/// submitted bid with a price above £0; a bid without one scores 0. Every other criterion takes its
/// moderated (consensus) score. Weighted total = Σ (score ÷ 5 × weight). Bids are ranked per lot by
/// weighted total; a tie goes to the higher quality (non-price) total, then to the earlier
/// submission. Scores are kept unrounded; pages show two decimal places.
/// </summary>
public static class EvaluationScoring
{
    public const int MinScore = 0;
    public const int MaxScore = 5;

    public const string PriceFormula = "Price score = lowest compliant price ÷ this bid's price × 5 (the lowest price scores 5).";
    public const string TotalFormula = "Weighted score = score ÷ 5 × weight; the weighted total is the sum over all criteria.";
    public const string TieRule = "Equal totals are separated by the higher quality (non-price) score, then by the earlier submission.";

    public static bool IsPrice(AwardCriterion c) => c.Kind == CriterionKind.Value;

    /// <summary>Scores 0, 1 and 5 need a comment: the extremes are the ones challenged, and 5 must show its added value.</summary>
    public static bool CommentRequired(int score) => score is 0 or 1 or 5;

    public static bool InRange(int score) => score is >= MinScore and <= MaxScore;

    public static decimal PriceScore(decimal lowestCompliantPrice, decimal? price) =>
        price is > 0 && lowestCompliantPrice > 0 ? lowestCompliantPrice / price.Value * MaxScore : 0m;

    public static decimal Weighted(decimal score, decimal weight) => score / MaxScore * weight;

    /// <summary>Ranks each lot's bids (a null lot is the whole opportunity); lots in the order given.</summary>
    public static IReadOnlyList<RankedBid> Rank(IEnumerable<BidForRanking> bids, IReadOnlyList<AwardCriterion> criteria)
    {
        var ordered = criteria.OrderBy(c => c.Order).ToList();
        var ranked = new List<RankedBid>();
        foreach (var lot in bids.GroupBy(b => b.LotId))
        {
            var lowest = lot.Where(b => b.Price is > 0).Select(b => b.Price!.Value).DefaultIfEmpty(0m).Min();
            var scored = lot.Select(b => Score(b, ordered, lowest)).ToList();
            var place = 0;
            foreach (var r in scored.OrderByDescending(r => r.Total).ThenByDescending(r => r.QualityTotal)
                .ThenBy(r => r.Bid.SubmittedAt ?? DateTime.MaxValue).ThenBy(r => r.Bid.BidId))
            {
                ranked.Add(r with { Rank = ++place });
            }
        }

        return ranked;
    }

    private static RankedBid Score(BidForRanking bid, List<AwardCriterion> criteria, decimal lowest)
    {
        var results = new List<CriterionResult>();
        foreach (var c in criteria)
        {
            if (IsPrice(c))
            {
                var score = PriceScore(lowest, bid.Price);
                results.Add(new CriterionResult(c.Id, c.Name, true, c.Weight, score, Weighted(score, c.Weight), null));
            }
            else if (bid.Consensus.TryGetValue(c.Id, out var consensus))
            {
                results.Add(new CriterionResult(c.Id, c.Name, false, c.Weight, consensus.Score, Weighted(consensus.Score, c.Weight), consensus.Reason));
            }
            else
            {
                results.Add(new CriterionResult(c.Id, c.Name, false, c.Weight, null, null, null));
            }
        }

        var quality = results.Where(r => !r.IsPrice).Sum(r => r.Weighted ?? 0m);
        var price = results.Where(r => r.IsPrice).Sum(r => r.Weighted ?? 0m);
        return new RankedBid(bid, 0, results, quality, price, quality + price, results.All(r => r.Score is not null));
    }
}
