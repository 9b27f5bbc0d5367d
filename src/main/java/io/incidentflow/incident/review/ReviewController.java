package io.incidentflow.incident.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reviews")
@Tag(name = "Reviews", description = "Post-incident reviews")
public class ReviewController {

    private final ReviewService reviews;

    public ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    @Operation(summary = "Search reviews by incident or by text in cause, contributing factors and actions")
    public List<IncidentReview> find(@RequestParam(required = false) String incident,
                                     @RequestParam(required = false) String q) {
        return reviews.find(incident, q);
    }
}
