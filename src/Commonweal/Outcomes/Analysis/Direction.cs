namespace Commonweal.Outcomes.Analysis;

/// <summary>Which way a score moves when a person is doing better. ONS4 anxiety is the one lower-is-better item.</summary>
public enum Direction
{
    HigherIsBetter,
    LowerIsBetter,
}
