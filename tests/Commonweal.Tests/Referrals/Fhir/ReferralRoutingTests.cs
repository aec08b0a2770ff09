using System.Text.Json.Nodes;
using Commonweal.Referrals;
using Commonweal.Referrals.Fhir;
using Commonweal.TestSupport;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Referrals.Fhir;

public sealed class ReferralRoutingTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private readonly TestDatabase db = database.Database;

    /// <summary>A scenario, and its referral sent again from elsewhere naming a service we do not list: unrouted.</summary>
    internal static async Task<(FhirScenario Scenario, Guid Unrouted)> UnroutedAsync(TestDatabase db)
    {
        var scenario = await FhirScenario.CreateAsync(db);
        await using var context = db.CreateContext();
        var records = new PersonRecords(context);
        var export = await new ReferralFhirExport(context, new ReferralWork(context, records), records).ExportAsync(scenario.Referral.Id, scenario.LinkWorker, TestContext.Current.CancellationToken);
        var bundle = JsonNode.Parse(export.Value!.ToJson())!.AsObject();
        bundle["identifier"]!["value"] = $"urn:uuid:{Guid.NewGuid()}";
        foreach (var entry in bundle["entry"]!.AsArray())
        {
            if (entry!["resource"]!["resourceType"]!.GetValue<string>() == "HealthcareService")
            {
                entry["resource"]!["id"] = "lunch-club";
                entry["resource"]!["name"] = "Sunny Days Lunch Club";
                entry["resource"]!.AsObject().Remove("identifier");
            }
        }

        var imported = await new ReferralFhirImport(context).ImportAsync(bundle.ToJsonString(), new FhirImportChannel(null, "test"), TestContext.Current.CancellationToken);
        Assert.True(imported.Succeeded, imported.Message);
        Assert.False(imported.Value!.Routed);
        return (scenario, imported.Value.ReferralId);
    }

    [Fact]
    public async Task Route_ByPlatformAdmin_SetsTheServiceRecordsTheStepAndTheServiceCanOpenIt()
    {
        var (scenario, id) = await UnroutedAsync(db);
        await using var context = db.CreateContext();

        var routed = await new ReferralRouting(context).RouteAsync(id, scenario.Service.Id, scenario.PlatformAdmin, TestContext.Current.CancellationToken);

        Assert.True(routed.Succeeded, routed.Message);
        await using var check = db.CreateContext();
        var referral = await check.Referrals.Include(r => r.Transitions).SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal((scenario.Service.Id, scenario.Charity.Id), (referral.ServiceId, referral.ReceivingOrganisationId));
        var step = referral.Transitions.OrderBy(t => t.At).Last();
        Assert.Equal("Pat Admin", step.By);
        Assert.Contains($"Routed to {scenario.Service.Name}", step.Reason);
        Assert.Contains("Sunny Days Lunch Club", step.Reason);
        Assert.True(await check.AuditEvents.AnyAsync(
            e => e.Action == "Referral.Updated" && e.EntityId == id.ToString() && e.Summary.Contains(scenario.Service.Id.ToString()), TestContext.Current.CancellationToken));
        Assert.DoesNotContain((await new ReferralRouting(check).UnroutedAsync(scenario.PlatformAdmin, TestContext.Current.CancellationToken)).Value!, r => r.Id == id);
        var records = new PersonRecords(check);
        var opened = await new ReferralWork(check, records).OpenAsync(id, scenario.Receiver, "test", TestContext.Current.CancellationToken);
        Assert.True(opened.Succeeded, opened.Message);
    }

    [Fact]
    public async Task Route_ToAServiceNotAcceptingReferrals_IsRefusedWithTheReasonAndLeavesItUnrouted()
    {
        var (scenario, id) = await UnroutedAsync(db);
        await using var context = db.CreateContext();
        await context.Services.Where(s => s.Id == scenario.Service.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AcceptingReferrals, false), TestContext.Current.CancellationToken);

        var routed = await new ReferralRouting(context).RouteAsync(id, scenario.Service.Id, scenario.PlatformAdmin, TestContext.Current.CancellationToken);

        Assert.Equal(PersonErrors.NotAcceptingReferrals, routed.ErrorCode);
        Assert.Equal("ServiceId", routed.Validation!.Errors.Single().PropertyName);
        Assert.Contains("not accepting referrals", routed.Message);
        await using var check = db.CreateContext();
        Assert.Null((await check.Referrals.SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken)).ServiceId);
    }

    [Fact]
    public async Task Route_ByAnyoneButAPlatformAdmin_IsRefused()
    {
        var (scenario, id) = await UnroutedAsync(db);
        await using var context = db.CreateContext();
        var routing = new ReferralRouting(context);

        foreach (var viewer in new[] { scenario.Receiver, scenario.LinkWorker, scenario.Outsider, Commonweal.Accounts.Viewer.Anonymous })
        {
            var routed = await routing.RouteAsync(id, scenario.Service.Id, viewer, TestContext.Current.CancellationToken);
            Assert.False(routed.Succeeded, viewer.Name);
            Assert.False((await routing.UnroutedAsync(viewer, TestContext.Current.CancellationToken)).Succeeded, viewer.Name);
        }

        Assert.Null((await context.Referrals.AsNoTracking().SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken)).ServiceId);
    }

    [Fact]
    public async Task Route_AnAlreadyRoutedReferral_IsRefused()
    {
        var scenario = await FhirScenario.CreateAsync(db);
        await using var context = db.CreateContext();

        var routed = await new ReferralRouting(context).RouteAsync(scenario.Referral.Id, scenario.Service.Id, scenario.PlatformAdmin, TestContext.Current.CancellationToken);

        Assert.Equal(PersonErrors.TransitionNotAllowed, routed.ErrorCode);
    }
}
