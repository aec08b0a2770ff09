using Commonweal.Accounts;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Evaluation;

namespace Commonweal.Tests.Procurement.Evaluation;

/// <summary>The evaluator's part of the sealed-bid rule, on its own.</summary>
public sealed class EvaluatorAccessTests
{
    private static readonly Guid Commissioning = Guid.NewGuid();
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly DateTime Deadline = new(2027, 3, 3, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime After = Deadline.AddMinutes(1);

    private static Opportunity Opportunity() => new()
    {
        Title = "Test", Status = OpportunityStatus.Evaluation, SubmissionDeadline = Deadline, PublishedAt = Deadline.AddDays(-30),
        Commissioners = [new OpportunityCommissioner { OrganisationId = Commissioning, SharePercent = 100m }],
    };

    private static Bid Bid() => new()
    {
        LeadOrganisationId = Lead, Status = BidStatus.Submitted,
        Members = [new BidMember { OrganisationId = Lead, IsLead = true, Role = "Lead", SharePercent = 70m }, new BidMember { OrganisationId = Member, Role = "Member", SharePercent = 30m }],
    };

    private static readonly BidViewer Evaluator = new(Guid.NewGuid(), false, [(Commissioning, MembershipRole.Evaluator)]);
    private static readonly BidViewer CommissionerEvaluator = new(Guid.NewGuid(), false, [(Commissioning, MembershipRole.Commissioner)]);

    private static EvaluatorStanding Declared(params Guid[] interests) => new(true, interests.ToHashSet());

    private static readonly EvaluatorStanding Undeclared = new(false, new HashSet<Guid>());

    [Fact]
    public void Read_UndeclaredEvaluator_IsRefusedWithTheMessage()
    {
        var result = BidAccess.Read(Bid(), Opportunity(), Evaluator, After, Undeclared);

        Assert.False(result.Allowed);
        Assert.Equal(BidErrors.DeclarationRequired, result.Code);
        Assert.Equal("Declare any conflicts of interest before you see the bids.", result.Reason);
    }

    [Fact]
    public void Read_CommissionerAssignedAsEvaluator_MustDeclareToo()
    {
        Assert.False(BidAccess.Read(Bid(), Opportunity(), CommissionerEvaluator, After, Undeclared).Allowed);
        Assert.True(BidAccess.Read(Bid(), Opportunity(), CommissionerEvaluator, After).Allowed);
    }

    [Fact]
    public void Read_DeclaredWithNoInterest_IsAllowedAfterTheDeadlineOnly()
    {
        Assert.True(BidAccess.Read(Bid(), Opportunity(), Evaluator, After, Declared()).Allowed);
        var before = BidAccess.Read(Bid(), Opportunity(), Evaluator, Deadline.AddMinutes(-1), Declared());
        Assert.False(before.Allowed);
        Assert.Equal(BidErrors.Sealed, before.Code);
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("member")]
    public void Read_InterestInAnyOrganisationOfTheBid_IsRefused(string which)
    {
        var result = BidAccess.Read(Bid(), Opportunity(), Evaluator, After, Declared(which == "lead" ? Lead : Member));

        Assert.False(result.Allowed);
        Assert.Equal(BidErrors.ConflictOfInterest, result.Code);
        Assert.True(BidAccess.Read(Bid(), Opportunity(), Evaluator, After, Declared(Guid.NewGuid())).Allowed);
    }

    [Fact]
    public void Score_NotAnAssignedEvaluator_IsRefused()
    {
        Assert.Equal(BidErrors.NotAllowed, BidAccess.Score(Bid(), Opportunity(), Evaluator, After, null).Code);
        Assert.True(BidAccess.Score(Bid(), Opportunity(), Evaluator, After, Declared()).Allowed);
    }

    [Fact]
    public void Score_EvaluatorWhoBelongsToABiddingOrganisation_IsRefusedEvenHavingDeclaredNoInterest()
    {
        var insider = new BidViewer(Guid.NewGuid(), false, [(Commissioning, MembershipRole.Evaluator), (Member, MembershipRole.Practitioner)]);

        var result = BidAccess.Score(Bid(), Opportunity(), insider, After, Declared());

        Assert.Equal(BidErrors.ConflictOfInterest, result.Code);
    }

    [Fact]
    public void Moderate_OnlyCommissioners()
    {
        Assert.Equal(BidErrors.NotAllowed, BidAccess.Moderate(Bid(), Opportunity(), Evaluator, After, Declared()).Code);
        Assert.True(BidAccess.Moderate(Bid(), Opportunity(), CommissionerEvaluator, After, null).Allowed);
        Assert.Equal(BidErrors.ConflictOfInterest, BidAccess.Moderate(Bid(), Opportunity(), CommissionerEvaluator, After, Declared(Lead)).Code);
    }

    [Fact]
    public void Letter_OnlyTheBiddersAdminsAndCommissioners()
    {
        var leadAdmin = new BidViewer(Guid.NewGuid(), false, [(Lead, MembershipRole.Admin)]);
        var rivalAdmin = new BidViewer(Guid.NewGuid(), false, [(Guid.NewGuid(), MembershipRole.Admin)]);

        Assert.True(BidAccess.Letter(Bid(), Opportunity(), leadAdmin).Allowed);
        Assert.True(BidAccess.Letter(Bid(), Opportunity(), CommissionerEvaluator).Allowed);
        Assert.False(BidAccess.Letter(Bid(), Opportunity(), rivalAdmin).Allowed);
        Assert.False(BidAccess.Letter(Bid(), Opportunity(), Evaluator).Allowed);
        Assert.False(BidAccess.Letter(Bid(), Opportunity(), BidViewer.Anonymous).Allowed);
    }
}
