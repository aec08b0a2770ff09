using Commonweal.Audit;
using Commonweal.Data;

namespace Commonweal.Procurement.Awards;

/// <summary>An award to make: to one supplier, or to a consortium (a lead and its members).</summary>
public sealed record AwardInput(Guid LeadSupplierId, decimal Value, Guid? LotId = null, IReadOnlyList<Guid>? ConsortiumMemberIds = null, string? Title = null)
{
    /// <summary>A fixed id (the demo seed's stable ids); a new one otherwise.</summary>
    public Guid? Id { get; init; }
}

/// <summary>The contract that follows an award; signed when <see cref="SignedAt"/> is given.</summary>
public sealed record ContractInput(decimal Value, DateOnly Start, DateOnly End, decimal OutcomeLinkedPaymentPercent = 0, DateTime? SignedAt = null, string? Title = null)
{
    public Guid? Id { get; init; }
}

public static class AwardErrors
{
    public const string WrongState = "award.wrong-state";
    public const string LotRequired = "award.lot-required";
    public const string UnknownLot = "award.unknown-lot";
    public const string AlreadyAwarded = "award.already-awarded";
    public const string InvalidValue = "award.invalid-value";
    public const string InvalidSuppliers = "award.invalid-suppliers";
    public const string Cancelled = "award.cancelled";
    public const string ContractExists = "award.contract-exists";
    public const string InvalidContract = "award.invalid-contract";
}

/// <summary>
/// The rules of awarding, on loaded entities (nothing is saved here): evaluation ends with an
/// intention to award (the award is pending), the standstill follows, and once the standstill is
/// over the opportunity is awarded, the award comes into force and its contract is recorded. Each
/// step refuses an opportunity in the wrong state with a result, never an exception. Evaluation
/// calls these through <see cref="AwardRecording"/>; the demo seed calls them directly.
/// </summary>
public static class Awarding
{
    public static (ProcurementResult Result, Award? Award) Intend(Opportunity o, AwardInput input, IEnumerable<Award> existing, Actor actor, DateTime now)
    {
        if (o.Status is not (OpportunityStatus.Evaluation or OpportunityStatus.IntentionToAward))
        {
            return (WrongState(o, "an intention to award can be sent only when evaluation is done"), null);
        }

        if (o.Lots.Count > 0 && input.LotId is null)
        {
            return (ProcurementResult.Fail(AwardErrors.LotRequired, "Select the lot being awarded: this opportunity is divided into lots."), null);
        }

        if (input.LotId is { } lotId && o.Lots.All(l => l.Id != lotId))
        {
            return (ProcurementResult.Fail(AwardErrors.UnknownLot, "The lot is not one of this opportunity's lots."), null);
        }

        if (existing.Any(a => a.OpportunityId == o.Id && a.LotId == input.LotId && a.Status != AwardStatus.Cancelled))
        {
            return (ProcurementResult.Fail(AwardErrors.AlreadyAwarded, input.LotId is null
                ? "This opportunity already has an award: cancel it before making another."
                : "This lot already has an award: cancel it before making another."), null);
        }

        if (input.Value <= 0)
        {
            return (ProcurementResult.Fail(AwardErrors.InvalidValue, "Enter the award value: more than £0."), null);
        }

        var members = input.ConsortiumMemberIds ?? [];
        if (input.LeadSupplierId == Guid.Empty || members.Contains(input.LeadSupplierId) || members.Distinct().Count() != members.Count || members.Contains(Guid.Empty))
        {
            return (ProcurementResult.Fail(AwardErrors.InvalidSuppliers, "Select the lead supplier, and each consortium member once (not the lead again)."), null);
        }

        if (o.Status == OpportunityStatus.Evaluation)
        {
            var moved = OpportunityLifecycle.Transition(o, OpportunityStatus.IntentionToAward, actor, now, "Intention to award sent.");
            if (!moved.Succeeded)
            {
                return (moved, null);
            }
        }

        var award = new Award
        {
            Id = input.Id ?? NewId.Next(), OpportunityId = o.Id, LotId = input.LotId, Value = input.Value, Date = now, IntentionToAwardAt = now, Status = AwardStatus.Pending,
            Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim(),
        };
        award.Suppliers.Add(new AwardSupplier { AwardId = award.Id, OrganisationId = input.LeadSupplierId, IsLead = true });
        award.Suppliers.AddRange(members.Select(m => new AwardSupplier { AwardId = award.Id, OrganisationId = m }));
        return (ProcurementResult.Ok, award);
    }

    /// <summary>Starts the standstill after the intention to award; the awards carry its end.</summary>
    public static ProcurementResult StartStandstill(Opportunity o, IEnumerable<Award> awards, Actor actor, DateTime now)
    {
        if (o.Status != OpportunityStatus.IntentionToAward)
        {
            return WrongState(o, "the standstill starts only after an intention to award");
        }

        var moved = OpportunityLifecycle.Transition(o, OpportunityStatus.Standstill, actor, now, "Standstill started.");
        if (!moved.Succeeded)
        {
            return moved;
        }

        foreach (var award in awards.Where(a => a.OpportunityId == o.Id && a.Status == AwardStatus.Pending))
        {
            award.StandstillEndsAt = o.StandstillEndsAt;
        }

        return ProcurementResult.Ok;
    }

    /// <summary>
    /// Records the award's contract once the standstill is over: an opportunity still in standstill
    /// is awarded first (refused before the standstill ends), and the award comes into force.
    /// </summary>
    public static (ProcurementResult Result, Contract? Contract) Conclude(Opportunity o, Award award, ContractInput input, Actor actor, DateTime now)
    {
        if (award.OpportunityId != o.Id)
        {
            throw new ArgumentException("The award is not this opportunity's.", nameof(award));
        }

        if (award.Status == AwardStatus.Cancelled)
        {
            return (ProcurementResult.Fail(AwardErrors.Cancelled, "This award was cancelled: no contract can follow it."), null);
        }

        if (award.Contracts.Any(c => c.Status != ContractStatus.Cancelled))
        {
            return (ProcurementResult.Fail(AwardErrors.ContractExists, "This award already has a contract."), null);
        }

        var invalid = ValidateContract(input, now);
        if (invalid is not null)
        {
            return (invalid, null);
        }

        if (o.Status == OpportunityStatus.Standstill)
        {
            var moved = OpportunityLifecycle.Transition(o, OpportunityStatus.Awarded, actor, now, "The standstill period ended.");
            if (!moved.Succeeded)
            {
                return (moved, null);
            }
        }

        if (o.Status != OpportunityStatus.Awarded)
        {
            return (WrongState(o, "a contract can be recorded only once the standstill is over and the opportunity is awarded"), null);
        }

        Confirm(o, award, now);
        var contract = new Contract
        {
            Id = input.Id ?? NewId.Next(), AwardId = award.Id, Value = input.Value, Start = input.Start, End = input.End,
            OutcomeLinkedPaymentPercent = input.OutcomeLinkedPaymentPercent, SignedAt = input.SignedAt,
            Status = input.SignedAt is null ? ContractStatus.Pending : ContractStatus.Active, RecordedAt = now,
            Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim(),
        };
        award.Contracts.Add(contract);
        return (ProcurementResult.Ok, contract);
    }

    /// <summary>A pending award of an awarded opportunity comes into force when the opportunity was awarded.</summary>
    public static void Confirm(Opportunity o, Award award, DateTime now)
    {
        if (award.Status != AwardStatus.Pending || o.Status != OpportunityStatus.Awarded)
        {
            return;
        }

        award.Status = AwardStatus.Active;
        award.StandstillEndsAt ??= o.StandstillEndsAt;
        award.ConfirmedAt = o.Transitions.Where(t => t.To == OpportunityStatus.Awarded).Select(t => (DateTime?)t.At).Max() ?? now;
    }

    public static ProcurementResult Cancel(Award award, string? reason, DateTime now)
    {
        if (award.Status == AwardStatus.Cancelled)
        {
            return ProcurementResult.Fail(AwardErrors.Cancelled, "This award is already cancelled.");
        }

        if (award.Contracts.Any(c => c.Status == ContractStatus.Active))
        {
            return ProcurementResult.Fail(AwardErrors.ContractExists, "The award's contract is signed: terminate the contract instead.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ProcurementResult.Fail(ProcurementErrors.ReasonRequired, "Give a reason for cancelling the award: it is published.");
        }

        award.Status = AwardStatus.Cancelled;
        award.CancelledAt = now;
        award.CancellationReason = reason.Trim();
        foreach (var contract in award.Contracts.Where(c => c.Status == ContractStatus.Pending))
        {
            contract.Status = ContractStatus.Cancelled;
        }

        return ProcurementResult.Ok;
    }

    private static ProcurementResult? ValidateContract(ContractInput input, DateTime now)
    {
        if (input.Value <= 0)
        {
            return ProcurementResult.Fail(AwardErrors.InvalidContract, "Enter the contract value: more than £0.");
        }

        if (input.End < input.Start)
        {
            return ProcurementResult.Fail(AwardErrors.InvalidContract, "The contract end date must be on or after its start date.");
        }

        if (input.OutcomeLinkedPaymentPercent is < 0 or > 100)
        {
            return ProcurementResult.Fail(AwardErrors.InvalidContract, "The outcome-linked payment share must be from 0% to 100%.");
        }

        if (input.SignedAt > now)
        {
            return ProcurementResult.Fail(AwardErrors.InvalidContract, "The date signed must not be in the future.");
        }

        return null;
    }

    private static ProcurementResult WrongState(Opportunity o, string rule) =>
        ProcurementResult.Fail(AwardErrors.WrongState, $"The opportunity is {ProcurementLabels.DisplayName(o.Status).ToLowerInvariant()}: {rule}.");
}
