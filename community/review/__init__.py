"""The review queue: one item per thing under review, one flag per reason, one
entry point (:func:`community.review.services.perform`) for every decision."""
