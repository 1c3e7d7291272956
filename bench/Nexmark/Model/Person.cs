namespace ActorStream.Bench.Nexmark.Model;

/// <summary>A person who sells or bids, as the reference's <c>person</c> row; <paramref name="DateTime"/> is in epoch milliseconds.</summary>
/// <param name="Id">The person's id, from <see cref="Generator.GeneratorConfig.FirstPersonId"/> upwards.</param>
/// <param name="Name">First and last name.</param>
/// <param name="EmailAddress">A made-up e-mail address.</param>
/// <param name="CreditCard">Four groups of four digits.</param>
/// <param name="City">One of ten US cities.</param>
/// <param name="State">One of six US states.</param>
/// <param name="DateTime">When the person registered, in epoch milliseconds.</param>
/// <param name="Extra">Padding that brings the event to its configured average size.</param>
public sealed record Person(
    long Id, string Name, string EmailAddress, string CreditCard, string City, string State, long DateTime, string Extra);
