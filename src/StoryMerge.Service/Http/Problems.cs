using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace StoryMerge.Service.Http;

/// <summary>RFC 7807 problem details for every refusal, each naming the input at fault.</summary>
public static class Problems
{
    /// <summary>400: the field and what is wrong with it (a validation problem: "errors" maps the field to the message).</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "The request is not valid",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>404: nothing under this id.</summary>
    public static ProblemHttpResult NotFound(string field, string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "Not found",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>413: the body is over the limit.</summary>
    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"the request body is larger than {limit:N0} bytes", statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large", extensions: new Dictionary<string, object?> { ["field"] = "body", ["limit"] = limit });
}
