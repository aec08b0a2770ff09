using Commonweal.Seed;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class ReferralJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task LinkWorker_RegistersAndRefers_TheKitchenWorksIt_ToCompletion_AndAnOutsiderSeesNothing()
    {
        // The link worker registers a consenting person, correcting a mistyped NHS number.
        var linkWorker = await site.SignedInPageAsync(DemoAccounts.Practitioner);
        await linkWorker.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await linkWorker.AssertAccessibleAsync();
        await linkWorker.GetByRole(AriaRole.Button, new() { Name = "Register a person" }).ClickAsync();
        await linkWorker.GetByLabel("NHS number (optional)").FillAsync("999 000 1234");
        await linkWorker.GetByLabel("Given name").FillAsync("Rosa");
        await linkWorker.GetByLabel("Family name").FillAsync("Lindqvist");
        await linkWorker.GetByLabel("Date of birth").FillAsync("3/9/1958");
        await linkWorker.GetByLabel("Phone", new() { Exact = true }).CheckAsync();
        await linkWorker.GetByLabel("Phone number (optional)").FillAsync("020 7946 0999");
        await linkWorker.GetByLabel("Your role in their care").FillAsync("Social prescribing link worker");
        await linkWorker.GetByLabel("The person", new() { Exact = true }).CheckAsync();
        await linkWorker.GetByLabel("Spoken").CheckAsync();
        await linkWorker.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(linkWorker.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a valid NHS number");
        await linkWorker.AssertAccessibleAsync();
        await linkWorker.GetByLabel("NHS number (optional)").FillAsync("");
        await linkWorker.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(linkWorker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rosa Lindqvist");
        await linkWorker.AssertAccessibleAsync();
        var personUrl = linkWorker.Url;

        // Finds a service in the directory and refers her to it.
        await linkWorker.GetByRole(AriaRole.Button, new() { Name = "Find a service to refer to" }).ClickAsync();
        await linkWorker.GetByLabel("What are you looking for?").FillAsync("Community lunch");
        await linkWorker.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await linkWorker.GetByRole(AriaRole.Link, new() { Name = "Community lunch" }).First.ClickAsync();
        await linkWorker.GetByRole(AriaRole.Button, new() { Name = "Refer someone to this service" }).ClickAsync();
        await linkWorker.AssertAccessibleAsync();
        await linkWorker.GetByLabel("Who are you referring?").SelectOptionAsync(new SelectOptionValue { Label = "Rosa Lindqvist" });
        await linkWorker.Locator("input[name='Input.Reasons']").First.CheckAsync();
        await linkWorker.GetByLabel("Routine").CheckAsync();
        await linkWorker.GetByLabel("Notes for the service (optional)").FillAsync("Recently retired and lonely; loves to cook.");
        await linkWorker.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Assertions.Expect(linkWorker.Locator("main")).ToContainTextAsync("has been sent");
        await Assertions.Expect(linkWorker.Locator("main .nhsuk-tag").First).ToHaveTextAsync("Sent");
        await linkWorker.AssertAccessibleAsync();
        var referralUrl = linkWorker.Url;

        // The kitchen finds it in its queue, accepts, starts and completes it, messaging the link worker.
        var kitchen = await site.SignedInPageAsync(DemoAccounts.ProviderAdmin);
        await kitchen.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await kitchen.GetByRole(AriaRole.Link, new() { Name = "Referrals", Exact = true }).ClickAsync();
        await kitchen.AssertAccessibleAsync();
        await Assertions.Expect(kitchen.Locator("main")).Not.ToContainTextAsync("Lindqvist");
        await kitchen.GotoAsync(referralUrl);
        await kitchen.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(kitchen.Locator("main")).ToContainTextAsync("is now accepted");
        await kitchen.GetByLabel("Send a message").FillAsync("Rosa is welcome on Tuesday at noon.");
        await kitchen.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await kitchen.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await kitchen.GetByLabel("Reason or note (needed to decline or cancel)").FillAsync("Comes every week now.");
        await kitchen.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await Assertions.Expect(kitchen.Locator("main")).ToContainTextAsync("is now completed");
        await kitchen.AssertAccessibleAsync();

        // The link worker follows it to completion and sees the kitchen on the care team.
        await linkWorker.GotoAsync(referralUrl);
        await Assertions.Expect(linkWorker.Locator("main .nhsuk-tag").First).ToHaveTextAsync("Completed");
        await Assertions.Expect(linkWorker.Locator("main")).ToContainTextAsync("Rosa is welcome on Tuesday at noon.");
        await linkWorker.GotoAsync(personUrl);
        await Assertions.Expect(linkWorker.Locator("main")).ToContainTextAsync("Bow Community Kitchen");

        // A commissioner is refused, and offered no way in.
        var outsider = await site.SignedInPageAsync(DemoAccounts.Commissioner);
        await outsider.GotoAsync(personUrl);
        await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot see this record");
        await Assertions.Expect(outsider.Locator("main")).Not.ToContainTextAsync("Lindqvist");
        await Assertions.Expect(outsider.GetByRole(AriaRole.Button, new() { Name = "Declare and open the record" })).ToHaveCountAsync(0);
        await outsider.AssertAccessibleAsync();
    }
}
