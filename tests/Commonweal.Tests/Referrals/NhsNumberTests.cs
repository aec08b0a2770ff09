using Commonweal.Referrals;

namespace Commonweal.Tests.Referrals;

public sealed class NhsNumberTests
{
    [Theory]
    // Worked by hand: 9,4,3,4,7,6,5,9,1 weighted 10..2 sum to 299; 299 mod 11 = 2; 11 - 2 = 9.
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    // 1 and 6 weighted 10 and 2 sum to 22; 22 mod 11 = 0; 11 - 0 = 11, which becomes check digit 0.
    [InlineData("1000000060")]
    public void Valid(string number) => Assert.True(NhsNumber.IsValid(number));

    [Theory]
    [InlineData("9434765918")] // wrong check digit
    [InlineData("943476591")] // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("94347659A9")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid(string? number) => Assert.False(NhsNumber.IsValid(number));

    [Fact]
    public void Remainder_Giving10_HasNoValidCheckDigit()
    {
        // 1,0,0,0,0,0,0,0,1 weighted: 10 + 2 = 12; 12 mod 11 = 1; 11 - 1 = 10: no tenth digit can make this valid.
        Assert.Null(NhsNumber.CheckDigit("1000000010"));
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(NhsNumber.IsValid($"100000001{d}")));
    }

    [Fact]
    public void Format_GroupsThreeThreeFour() => Assert.Equal("943 476 5919", NhsNumber.Format("9434765919"));
}
