using Commonweal.Accounts;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;

namespace Commonweal.Tests.Procurement.Bids;

/// <summary>The sealed-bid rules on their own, from every role, a minute before and a minute after the deadline.</summary>
public sealed class BidAccessTests
{
    private static readonly Guid Commissioning = Guid.NewGuid();
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly Guid Rival = Guid.NewGuid();
    private static readonly DateTime Deadline = new(2027, 3, 3, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Before = Deadline.AddMinutes(-1);
    private static readonly DateTime After = Deadline.AddMinutes(1);

    private static Opportunity Opportunity() => new()
    {
        Title = "Test", Status = OpportunityStatus.Published, SubmissionDeadline = Deadline, PublishedAt = Deadline.AddDays(-30),
        Commissioners = [new OpportunityCommissioner { OrganisationId = Commissioning, SharePercent = 100m }],
    };

    private static Bid Bid(BidStatus status = BidStatus.Submitted) => new()
    {
        LeadOrganisationId = Lead, Status = status,
        Members = [new BidMember { OrganisationId = Lead, IsLead = true, Role = "Lead", SharePercent = 70m }, new BidMember { OrganisationId = Member, Role = "Member", SharePercent = 30m }],
    };

    private static BidViewer As(Guid organisation, MembershipRole role, bool platformAdmin = false) => new(Guid.NewGuid(), platformAdmin, [(organisation, role)]);

    public static TheoryData<string> Outsiders => ["commissioner", "evaluator", "platform admin", "rival admin", "lead practitioner", "anonymous"];

    private static BidViewer Outsider(string who) => who switch
    {
        "commissioner" => As(Commissioning, MembershipRole.Commissioner),
        "evaluator" => As(Commissioning, MembershipRole.Evaluator),
        "platform admin" => new BidViewer(Guid.NewGuid(), true, []),
        "rival admin" => As(Rival, MembershipRole.Admin),
        "lead practitioner" => As(Lead, MembershipRole.Practitioner),
        _ => BidViewer.Anonymous,
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public void Read_BeforeTheDeadline_IsRefusedToEveryoneOutsideTheBid(string who)
    {
        var result = BidAccess.Read(Bid(), Opportunity(), Outsider(who), Before);

        Assert.False(result.Allowed);
        Assert.Equal(who == "anonymous" ? BidErrors.SignInRequired : BidErrors.Sealed, result.Code);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public void Read_AfterTheDeadline_IsAllowedOnlyToTheOpportunitysCommissioners(string who)
    {
        var result = BidAccess.Read(Bid(), Opportunity(), Outsider(who), After);

        Assert.Equal(who == "commissioner", result.Allowed);
    }

    [Fact]
    public void Read_AfterTheDeadline_DraftsAndWithdrawnBidsStayClosedToCommissioners()
    {
        var commissioner = As(Commissioning, MembershipRole.Commissioner);

        Assert.False(BidAccess.Read(Bid(BidStatus.Draft), Opportunity(), commissioner, After).Allowed);
        Assert.False(BidAccess.Read(Bid(BidStatus.Withdrawn), Opportunity(), commissioner, After).Allowed);
    }

    [Fact]
    public void Read_ByTheLeadsAndMembersAdmins_IsAllowedBeforeAndAfter()
    {
        foreach (var at in new[] { Before, After })
        {
            Assert.True(BidAccess.Read(Bid(), Opportunity(), As(Lead, MembershipRole.Admin), at).Allowed);
            Assert.True(BidAccess.Read(Bid(), Opportunity(), As(Member, MembershipRole.Admin), at).Allowed);
        }
    }

    [Fact]
    public void Change_OnlyTheLeadsAdmins_AndOnlyBeforeTheDeadline()
    {
        var o = Opportunity();

        Assert.True(BidAccess.Change(Lead, o, As(Lead, MembershipRole.Admin), Before).Allowed);
        Assert.Equal(BidErrors.NotAllowed, BidAccess.Change(Lead, o, As(Member, MembershipRole.Admin), Before).Code);
        Assert.Equal(BidErrors.NotAllowed, BidAccess.Change(Lead, o, As(Commissioning, MembershipRole.Commissioner), Before).Code);
        Assert.Equal(BidErrors.NotAllowed, BidAccess.Change(Lead, o, new BidViewer(Guid.NewGuid(), true, []), Before).Code);
        var late = BidAccess.Change(Lead, o, As(Lead, MembershipRole.Admin), Deadline);
        Assert.Equal(BidErrors.DeadlinePassed, late.Code);
        Assert.Equal("The deadline for bids was 12:00 on 3 March 2027.", late.Reason);
    }

    [Fact]
    public void List_CommissionersAfterTheDeadline_CountOnlyBefore()
    {
        var o = Opportunity();
        var commissioner = As(Commissioning, MembershipRole.Commissioner);

        Assert.Equal(BidErrors.Sealed, BidAccess.List(o, commissioner, Before).Code);
        Assert.Equal("Bids are sealed until the submission deadline, 12:00 on 3 March 2027.", BidAccess.List(o, commissioner, Before).Reason);
        Assert.True(BidAccess.CanCount(o, commissioner));
        Assert.True(BidAccess.List(o, commissioner, After).Allowed);
        Assert.False(BidAccess.List(o, As(Commissioning, MembershipRole.Evaluator), After).Allowed);
        Assert.False(BidAccess.CanCount(o, As(Rival, MembershipRole.Admin)));
        Assert.False(BidAccess.List(o, new BidViewer(Guid.NewGuid(), true, []), After).Allowed);
    }

    [Fact]
    public void Deadline_InSummerTime_IsShownInUkTime()
    {
        var o = Opportunity();
        o.SubmissionDeadline = new DateTime(2027, 6, 1, 11, 0, 0, DateTimeKind.Utc);

        Assert.Equal("12:00 on 1 June 2027", BidAccess.Deadline(o));
    }
}
